import HubCore
import Logging

/// Hands a callback's output to the hub and turns the result into the HTTP answer.
enum CallbackSubmission {
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
