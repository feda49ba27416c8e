import HubCore
import Logging

/// The loop every SMS gateway kind runs: an optional callback listener plus `maxInFlight` workers
/// taking messages from the outbox, delivering them and reporting the outcome.
struct GatewayRunner: Sendable {
    let context: PluginContext
    let counters: SMSGatewayCounters
    let maxInFlight: Int
    let server: CallbackServer?
    /// Delivers one SMS; the string is the callback base URL (nil without a listener).
    let deliver: @Sendable (OutboundMessage, SMSContent, String?) async -> DeliveryOutcome
    /// The callback base when the settings do not give one, from the bound port.
    let callbackBase: @Sendable (Int) -> String

    /// Runs until cancelled (or the outbox ends); a listener that cannot bind throws `.unavailable`.
    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var base: String?
            if let server {
                let bound = try await server.bind()
                base = callbackBase(bound.port)
                context.logger.info("listening for gateway callbacks on \(server.address.host):\(bound.port)")
                context.status.report(detail: "listening for callbacks on \(ListenAddress(host: server.address.host, port: bound.port))")
                group.addTask { try await server.serve(bound) }
            }
            let callbackBase = base
            for _ in 0..<maxInFlight {
                group.addTask { try await work(callbackBase: callbackBase) }
            }
            try await group.waitForAll()
        }
    }

    private func work(callbackBase: String?) async throws {
        while !Task.isCancelled, let message = await context.outbox.next() {
            let outcome: DeliveryOutcome
            switch message.content {
            case let .sms(sms): outcome = await deliver(message, sms, callbackBase)
            case .email: outcome = .failed(reason: "an SMS gateway cannot deliver e-mail")
            }
            counters.count(outcome)
            counters.sendProblem(outcome, message: message.id, at: context.clock.now(), logger: context.logger)
            try await context.outbox.report(message.id, outcome: outcome)
        }
    }
}
