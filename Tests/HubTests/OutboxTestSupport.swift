import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HubPluginSupport
import HubPluginTesting
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// What the fake gateway does with the messages it takes.
final class FakeGatewayScript: Sendable {
    enum Mode: Sendable, Equatable {
        /// Reports `.sent` with reference `ref-<id>` and one part.
        case deliver
        /// Reports `.retry` for the first `n` attempts of each message, then `.sent`.
        case retryFirst(Int)
        /// Reports `.failed`.
        case fail(String)
        /// Takes messages and never reports (a gateway that hangs or a hub that dies mid-send).
        case hold
    }

    private struct State {
        var mode: Mode = .deliver
        var down = false
        var taken: [OutboundMessage] = []
    }

    private let state = Mutex(State())

    var mode: Mode {
        get { state.withLock { $0.mode } }
        set { state.withLock { $0.mode = newValue } }
    }

    /// While true, the instance fails at start (the gateway's peer is unreachable).
    var down: Bool {
        get { state.withLock { $0.down } }
        set { state.withLock { $0.down = newValue } }
    }

    /// Every message handed to the gateway, in order (a message offered twice appears twice).
    var taken: [OutboundMessage] { state.withLock { $0.taken } }

    /// How often each message was handed over.
    func takes(_ id: MessageID) -> Int { taken.filter { $0.id == id }.count }

    func outcome(for message: OutboundMessage) -> DeliveryOutcome? {
        state.withLock { state in
            state.taken.append(message)
            switch state.mode {
            case .deliver: return .sent(reference: "ref-\(message.id)", parts: Self.parts(message))
            case let .retryFirst(n):
                return message.attempt < n ? .retry(reason: "throttled", retryAfter: nil) : .sent(reference: "ref-\(message.id)", parts: Self.parts(message))
            case let .fail(reason): return .failed(reason: reason)
            case .hold: return nil
            }
        }
    }

    /// SMS parts as an SMSC would count them; 0 for e-mail.
    static func parts(_ message: OutboundMessage) -> Int {
        guard case let .sms(sms) = message.content else { return 0 }
        return SMSEncoding.partCount(sms.text)
    }

    /// A registry with kind `fake_gateway` (SMS and e-mail) driven by this script.
    var registry: PluginRegistry {
        let script = self
        return PluginRegistry([PluginFactory(
            descriptor: PluginDescriptor(
                kind: "fake_gateway", summary: "Test message gateway", roles: [.messageGateway],
                sampleConfig: "plugin = \"fake_gateway\"\ntenant = \"acme\"\n", messageChannels: [.sms, .email]),
            settingsKeys: []
        ) { _, _ in FakeGateway(script: script) }])
    }

    /// A plugins directory with one `fake_gateway` instance `gw` for acme.
    static func pluginsDirectory() throws -> ScratchDirectory {
        let directory = try ScratchDirectory("outbox")
        try directory.write("gw.toml", "plugin = \"fake_gateway\"\ntenant = \"acme\"\n")
        return directory
    }
}

/// A message gateway for tests: takes messages from the outbox and reports what its script says.
struct FakeGateway: HubPlugin {
    static let descriptor = PluginDescriptor(
        kind: "fake_gateway", summary: "Test message gateway", roles: [.messageGateway], sampleConfig: "plugin = \"fake_gateway\"\n",
        messageChannels: [.sms, .email])

    let script: FakeGatewayScript

    init(script: FakeGatewayScript) { self.script = script }

    init(settings: NoSettings, context: PluginContext) throws {
        throw PluginError.misconfigured("build through FakeGatewayScript")
    }

    func run(context: PluginContext) async throws {
        if script.down { throw PluginError.unavailable("gateway peer unreachable") }
        while let message = await context.outbox.next() {
            if let outcome = script.outcome(for: message) { try await context.outbox.report(message.id, outcome: outcome) }
        }
        throw CancellationError()
    }
}

extension TestHub {
    /// A hub whose plugins directory runs the fake gateway.
    static func withGateway(_ script: FakeGatewayScript) async throws -> (TestHub, ScratchDirectory) {
        let plugins = try FakeGatewayScript.pluginsDirectory()
        let hub = try await TestHub.make(pluginsDirectory: plugins.path, registry: script.registry)
        return (hub, plugins)
    }

    /// The stored message.
    func message(_ id: MessageID, tenant: TenantID = "acme") async throws -> MessageRecord {
        try await services.outbox.message(tenant: tenant, id: id)
    }

    /// Waits (real time) until the message satisfies `condition`.
    func waitFor(_ id: MessageID, _ what: String, _ condition: @escaping @Sendable (MessageRecord) -> Bool) async throws {
        let outbox = services.outbox
        try await waitUntil(timeout: .seconds(10), "message \(id): \(what)") {
            guard let record = try? await outbox.message(tenant: "acme", id: id) else { return false }
            return condition(record)
        }
    }

    /// Accepts an SMS through the outbox as the API would (tenant acme, sender anna's enterprise number).
    func queueSMS(_ text: String, to: String = "+358401234999", key: String? = nil) async throws -> MessageID {
        let composer = MessageComposer(engine: engine, settings: services.outbox.settings)
        let request = try await composer.sms(
            tenant: "acme", to: to, from: "+358101234501", text: text, deliveryReport: true, senderUser: nil, idempotencyKey: key)
        return try await services.outbox.accept(request).id
    }
}

extension TestClientProtocol {
    /// Sends a JSON request with extra headers (Idempotency-Key).
    func send(_ method: HTTPTypes.HTTPRequest.Method, _ uri: String, token: String?, json: String, headers extra: [String: String]) async throws -> Reply {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        for (name, value) in extra { if let field = HTTPField.Name(name) { headers[field] = value } }
        return try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: json)) { response in
            Reply(status: response.status, text: String(buffer: response.body), headers: response.headers)
        }
    }
}
