import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Kind `sms_kannel`: sends SMS through a Kannel smsbox (`/cgi-bin/sendsms`) and serves Kannel's
/// callbacks itself: delivery reports (the `dlr-url` handed with each message) and incoming SMS (an
/// `sms-service` whose `get-url` points at the listener).
///
/// Answers map to outcomes per ``KannelAnswer``; an unreachable smsbox or a timeout is `retry`. The
/// outcome's reference is the outbox id, which the dlr-url carries back. Bad callbacks are answered 400,
/// counted (``statistics``) and logged at most once per 10 seconds.
public struct KannelSMSPlugin: HubPlugin {
    /// Kind `sms_kannel`: a message gateway for SMS.
    public static let descriptor = PluginDescriptor(
        kind: "sms_kannel",
        summary: "Sends and receives SMS through a Kannel gateway (sendsms, delivery reports, incoming SMS)",
        roles: [.messageGateway],
        sampleConfig: sampleConfig,
        messageChannels: [.sms]
    )

    /// The settings as written.
    public let settings: Settings
    let config: KannelConfig
    let transport: (any HTTPTransport)?
    private let counters = SMSGatewayCounters()

    /// Validates `settings` with the process environment; `run` sends through its own libcurl client. No I/O.
    public init(settings: Settings, context: PluginContext) throws {
        try self.init(settings: settings, context: context, transport: nil, environment: ProcessInfo.processInfo.environment)
    }

    /// Validates `settings`, reading `_env` secrets from `environment`; `transport` (a test's) replaces libcurl.
    public init(settings: Settings, context: PluginContext, transport: (any HTTPTransport)?, environment: [String: String]) throws {
        config = try settings.resolve(environment: environment)
        self.settings = settings
        self.transport = transport
    }

    /// Counters since the instance was created.
    public var statistics: SMSGatewayStatistics { counters.snapshot }

    /// Serves callbacks and delivers the outbox's SMS until cancelled.
    public func run(context: PluginContext) async throws {
        let server = config.listen.map { address in
            CallbackServer(address: address, maxBodyBytes: 65_536) { request in await handle(request, context: context) }
        }
        let config = config
        let http = try OwnedTransport(transport, timeout: config.timeout)
        defer { http.shutdown() }
        try await GatewayRunner(
            context: context, counters: counters, maxInFlight: settings.maxInFlight, server: server,
            deliver: { message, sms, base in await deliver(message, sms: sms, callbackBase: base, http: http.transport) },
            callbackBase: { port in config.callbackURL ?? "http://\(ListenAddress(host: config.listen?.host ?? "127.0.0.1", port: port))" }
        ).run()
    }

    /// Sends one SMS to smsbox and classifies the answer.
    func deliver(_ message: OutboundMessage, sms: SMSContent, callbackBase: String?, http: any HTTPTransport) async -> DeliveryOutcome {
        let plan = SMSEncoding.plan(sms.text)
        guard plan.partCount <= config.maxParts else {
            return .failed(reason: "text needs \(plan.partCount) SMS parts, more than max_parts (\(config.maxParts))")
        }
        let dlrURL = sms.wantsDeliveryReport
            ? callbackBase.map { KannelCallbacks.dlrURL(base: $0, reference: message.id.rawValue, token: config.callbackToken) } : nil
        let request: HTTPRequest
        do {
            request = try KannelRequest.make(sms, coding: plan.coding, config: config, dlrURL: dlrURL)
        } catch {
            return .failed(reason: "cannot send to Kannel: \(error)")
        }
        do {
            let response = try await http.send(request)
            let body = String(decoding: response.body.prefix(1_000), as: UTF8.self)
            let outcome = KannelAnswer.outcome(status: response.status, body: body, reference: message.id.rawValue, parts: plan.partCount)
            if case .sent = outcome, KannelAnswer.isQueued(body) { counters.update { $0.queued += 1 } }
            return outcome
        } catch {
            return .retry(reason: "Kannel smsbox \(error)", retryAfter: nil)
        }
    }

    /// Answers one callback from Kannel.
    func handle(_ request: CallbackRequest, context: PluginContext) async -> CallbackResponse {
        guard request.path == KannelCallbacks.dlrPath || request.path == KannelCallbacks.moPath else { return .notFound }
        return await CallbackSubmission.answer(request, token: config.callbackToken, context: context, counters: counters) {
            if request.path == KannelCallbacks.dlrPath {
                return try KannelCallbacks.deliveryReport(request).map { .output(.deliveryReport($0)) } ?? .intermediate
            }
            return .output(.incomingSMS(try KannelCallbacks.incomingSMS(request, receivedAt: context.clock.now())))
        }
    }
}
