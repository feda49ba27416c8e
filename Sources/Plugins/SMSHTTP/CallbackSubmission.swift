import HubCore
import Logging

/// Hands a callback's output to the hub and turns the result into the HTTP answer.
enum CallbackSubmission {
    /// What a gateway's callback asks of the hub, once read.
    enum Reading {
        /// A delivery report or incoming SMS for the hub.
        case output(PluginOutput)
        /// An intermediate delivery report (buffered, submitted to the SMSC …): counted, not passed on.
        case intermediate
        /// A path the gateway does not serve.
        case notFound
    }

    /// Answers one callback: checks the shared `token` if one is set, reads it with `read`, submits what it
    /// carries; a ``CallbackProblem`` is counted, logged rate-limited and answered with its status.
    static func answer(
        _ request: CallbackRequest, token: String?, context: PluginContext, counters: SMSGatewayCounters,
        read: () throws -> Reading
    ) async -> CallbackResponse {
        do {
            if let token, request.field("token") != token {
                throw CallbackProblem("\(request.path): missing or wrong token", status: 403)
            }
            switch try read() {
            case let .output(output): return await submit(output, context: context, counters: counters)
            case .intermediate:
                counters.update { $0.intermediateReports += 1 }
                return .ok
            case .notFound: return .notFound
            }
        } catch let problem as CallbackProblem {
            counters.callbackProblem(problem, path: request.path, at: context.clock.now(), logger: context.logger)
            return CallbackResponse(status: problem.status, body: problem.description + "\n")
        } catch {
            return CallbackResponse(status: 500, body: "\(error)\n")
        }
    }

    /// 200 when the hub took it (or refused it as invalid: a retry would not help); 503 when the hub
    /// could not take it now, so the gateway calls again.
    static func submit(_ output: PluginOutput, context: PluginContext, counters: SMSGatewayCounters) async -> CallbackResponse {
        do {
            let result = try await context.sink.submit(output)
            counters.update {
                switch output {
                case .incomingSMS: $0.incoming += 1
                case .deliveryReport: $0.deliveryReports += 1
                case .presence, .liftPresence: break
                }
            }
            if case let .rejected(reason) = result {
                context.logger.notice("hub refused callback output: \(reason)")
            }
            return .ok
        } catch {
            return CallbackResponse(status: 503, body: "hub unavailable, try again later\n")
        }
    }
}
