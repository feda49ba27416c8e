import HubCore
import HubPluginSupport
import Logging

/// Kind `sms_smpp`: a message gateway that delivers the outbox's SMS through an SMSC over SMPP 3.4.
///
/// It binds as a transceiver, submits each message's parts (GSM 03.38 or UCS-2, concatenated when long)
/// with up to `window` requests outstanding, and reports `.sent` with the SMSC message id (of the last
/// part, which carries the receipt request) and the part count. ESME_RTHROTTLED and ESME_RMSGQFUL pause
/// submissions; other refusals are classified permanent (`.failed`) or temporary (`.retry`). Receipts
/// become `.deliveryReport`, other deliver_sm `.incomingSMS` (parts joined). A lost connection (or an
/// unanswered enquire_link) is re-established with capped backoff; wrong credentials end `run` with
/// ``PluginError/authenticationFailed(_:)``.
public struct SMPPPlugin: HubPlugin {
    /// Kind `sms_smpp`: a message gateway for SMS.
    public static let descriptor = PluginDescriptor(
        kind: "sms_smpp",
        summary: "Sends and receives SMS through an SMSC over SMPP 3.4 (transceiver bind, receipts, concatenation)",
        roles: [.messageGateway],
        sampleConfig: sampleConfig,
        messageChannels: [.sms]
    )

    /// The validated settings.
    public let settings: Settings
    private let counters = SMPPCounters()
    private let problems = SMPPProblemLog()
    private let references = SMPPReferenceCounter()

    /// Validates `settings`; no I/O (the password variable is read by `run`).
    public init(settings: Settings, context: PluginContext) throws {
        try settings.validate()
        self.settings = settings
    }

    /// Counters since the instance was created.
    public var statistics: SMPPStatistics { counters.snapshot }

    /// Connects, binds and serves until cancelled, reconnecting with backoff after each failure.
    public func run(context: PluginContext) async throws {
        let password = try settings.password()
        let inbound = SMPPInboundHandler(partTimeout: settings.incomingPartTimeout.duration, counters: counters, problems: problems)
        let backoff = Backoff(initial: settings.reconnectInitialDelay.duration, maximum: settings.reconnectMaxDelay.duration, jitter: 0.2)
        let bound = SMPPBindFlag()
        var random = SystemRandomNumberGenerator()
        var failures = 0
        while true {
            try Task.checkCancellation()
            bound.reset()
            let connection = SMPPConnection(
                settings: settings, password: password, context: context, counters: counters, problems: problems,
                inbound: inbound, references: references, onBound: { bound.set() })
            do {
                try await connection.run()
            } catch let error as PluginError {
                throw error
            } catch {
                try Task.checkCancellation()
                counters.add { $0.connectionFailures += 1 }
                failures = bound.isSet ? 1 : failures + 1
                let delay = backoff.delay(attempt: failures, using: &random)
                problems.warning(
                    "connection", "SMSC \(settings.host):\(settings.port): \(error); reconnecting in \(delay)",
                    logger: context.logger, at: context.clock.now())
                try await context.clock.sleep(delay)
            }
        }
    }
}
