import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Kind `sms_http`: sends SMS through any HTTP provider API described by templates (method, URL, headers,
/// form or JSON body, auth, success rule), with presets for 46elks, Sinch and Twilio, and serves the
/// provider's delivery-report and incoming-SMS callbacks on a listener of its own.
///
/// Statuses in `success_status` are `sent`, those in `retry_status` (default 408, 425, 429, 5xx) and
/// transport errors `retry` (honouring `Retry-After`), any other status `failed`.
public struct HTTPSMSPlugin: HubPlugin {
    /// Kind `sms_http`: a message gateway for SMS.
    public static let descriptor = PluginDescriptor(
        kind: "sms_http",
        summary: "Sends SMS through an HTTP provider API from templates (46elks, Sinch, Twilio presets) with delivery reports",
        roles: [.messageGateway],
        sampleConfig: sampleConfig,
        messageChannels: [.sms]
    )

    /// The settings as written.
    public let settings: Settings
    let config: HTTPGatewayConfig
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
        let config = config
        let server = config.listen.map { address in
            CallbackServer(address: address, maxBodyBytes: 65_536) { request in await handle(request, context: context) }
        }
        let http = try OwnedTransport(transport, timeout: config.timeout)
        defer { http.shutdown() }
        try await GatewayRunner(
            context: context, counters: counters, maxInFlight: settings.maxInFlight, server: server,
            deliver: { message, sms, base in await deliver(message, sms: sms, callbackBase: base, http: http.transport, now: context.clock.now) },
            callbackBase: { port in config.callbackURL ?? "http://\(ListenAddress(host: config.listen?.host ?? "127.0.0.1", port: port))" }
        ).run()
    }

    /// Sends one SMS to the provider and classifies the answer.
    func deliver(
        _ message: OutboundMessage, sms: SMSContent, callbackBase: String?, http: any HTTPTransport, now: @Sendable () -> Date
    ) async -> DeliveryOutcome {
        let plan = SMSEncoding.plan(sms.text)
        guard plan.partCount <= config.maxParts else {
            return .failed(reason: "text needs \(plan.partCount) SMS parts, more than max_parts (\(config.maxParts))")
        }
        let request: HTTPRequest
        do {
            request = try HTTPGatewayRequest.make(config, values: config.values(for: message, sms: sms, plan: plan, callbackBase: callbackBase))
        } catch {
            return .failed(reason: "cannot build the provider request: \(error)")
        }
        do {
            let response = try await http.send(request)
            let outcome = config.rule.outcome(for: response, fallbackReference: message.id.rawValue, parts: plan.partCount, now: now())
            if case .sent = outcome, !config.usesProviderReference {
                return .sent(reference: message.id.rawValue, parts: plan.partCount)
            }
            return outcome
        } catch {
            return .retry(reason: "provider \(error)", retryAfter: nil)
        }
    }

    /// Answers one callback from the provider.
    func handle(_ request: CallbackRequest, context: PluginContext) async -> CallbackResponse {
        await CallbackSubmission.answer(request, token: config.callbackToken, context: context, counters: counters) {
            switch request.path {
            case HTTPGatewayConfig.dlrPath:
                guard let mapping = config.deliveryReports else { return .notFound }
                return try mapping.report(from: request).map { .output(.deliveryReport($0)) } ?? .intermediate
            case HTTPGatewayConfig.moPath:
                guard let mapping = config.incoming else { return .notFound }
                return .output(.incomingSMS(try Self.incomingSMS(request, mapping: mapping, receivedAt: context.clock.now())))
            default:
                return .notFound
            }
        }
    }

    /// The incoming SMS in a provider callback, by the mapping's field names.
    static func incomingSMS(_ request: CallbackRequest, mapping: IncomingSMSMapping, receivedAt: Date) throws(CallbackProblem) -> IncomingSMS {
        func required(_ name: String) throws(CallbackProblem) -> String {
            guard let value = request.value(name), !value.isEmpty else { throw CallbackProblem("mo: field '\(name)' is missing") }
            return value
        }
        return IncomingSMS(from: try required(mapping.fromField), to: try required(mapping.toField), text: try required(mapping.textField), receivedAt: receivedAt)
    }
}
