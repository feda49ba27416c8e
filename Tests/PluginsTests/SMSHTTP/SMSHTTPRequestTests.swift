import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import SMSHTTPPlugin
import Synchronization
import Testing

/// Captures requests instead of sending them, answering with a fixed response.
final class CapturingTransport: HTTPTransport {
    let response: HTTPResponse
    private let captured = Mutex<[HTTPRequest]>([])
    init(_ response: HTTPResponse) { self.response = response }
    var requests: [HTTPRequest] { captured.withLock { $0 } }
    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        captured.withLock { $0.append(request) }
        return response
    }
}

@Suite("SMSHTTP request building")
struct SMSHTTPRequestTests {
    func run<P: HubPlugin>(_ plugin: P, outbox: ScriptedOutbox, message: OutboundMessage) async throws -> DeliveryOutcome {
        let context = PluginContext.testing(outbox: outbox)
        let task = Task { try await plugin.run(context: context) }
        defer { task.cancel(); outbox.close() }
        outbox.enqueue(message)
        return try await outbox.outcome(message.id, timeout: .seconds(5))
    }

    @Test("Kannel GET: every parameter %-encoded, coding=2 only for non-GSM text, dlr-url with our id")
    func kannelGet() async throws {
        let transport = CapturingTransport(HTTPResponse(status: 202, body: Data("0: Accepted for delivery".utf8)))
        let settings = KannelSMSPlugin.Settings(sendsmsURL: "http://k:13013/cgi-bin/sendsms", username: "hub", password: "p&w", listen: "127.0.0.1:0", callbackURL: "http://hub:9")
        let plugin = try KannelSMSPlugin(settings: settings, context: .testing(), transport: transport, environment: [:])
        let message = OutboundMessage.sms("Hei & 你好", id: "m-1")
        #expect(try await run(plugin, outbox: ScriptedOutbox(), message: message) == .sent(reference: "m-1", parts: 1))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.url == "http://k:13013/cgi-bin/sendsms?username=hub&password=p%26w&from=Hub&to=%2B358401234567"
            + "&text=Hei%20%26%20%E4%BD%A0%E5%A5%BD&charset=UTF-8&coding=2&dlr-mask=31"
            + "&dlr-url=http%3A%2F%2Fhub%3A9%2Fkannel%2Fdlr%3Fid%3Dm-1%26status%3D%25d%26reply%3D%25A%26smsc%3D%25i")
        let gsm = OutboundMessage.sms("Hei € [x]", id: "m-2")
        _ = try await run(plugin, outbox: ScriptedOutbox(), message: gsm)
        #expect(transport.requests.last?.url.contains("coding") == false)
    }

    @Test("Kannel POST: X-Kannel headers and the text as UTF-8 body; too many parts fail without a request")
    func kannelPost() async throws {
        let transport = CapturingTransport(HTTPResponse(status: 202, body: Data("3: Queued for later delivery".utf8)))
        let settings = KannelSMSPlugin.Settings(username: "hub", password: "pw", method: "POST", dlrMask: 0, maxParts: 2)
        let plugin = try KannelSMSPlugin(settings: settings, context: .testing(), transport: transport, environment: [:])
        #expect(try await run(plugin, outbox: ScriptedOutbox(), message: .sms("Привет", id: "m-3")) == .sent(reference: "m-3", parts: 1))
        let request = try #require(transport.requests.first)
        #expect(request.body == Data("Привет".utf8))
        #expect(request.headers.contains(HTTPField("X-Kannel-Coding", "2")))
        #expect(request.headers.contains(HTTPField("X-Kannel-Username", "hub")))
        #expect(!request.headers.contains { $0.name == "X-Kannel-DLR-Url" })
        #expect(plugin.statistics.queued == 1)
        let long = OutboundMessage.sms(String(repeating: "x", count: 400), id: "m-4")
        guard case let .failed(reason) = try await run(plugin, outbox: ScriptedOutbox(), message: long) else { Issue.record("expected failed"); return }
        #expect(reason.contains("3 SMS parts, more than max_parts (2)"))
        #expect(transport.requests.count == 1)
    }

    @Test("sms_http query format, headers and provider reference")
    func httpQuery() async throws {
        let transport = CapturingTransport(HTTPResponse(status: 200, body: Data("OK ID:abc123".utf8)))
        var settings = HTTPSMSPlugin.Settings()
        settings.method = "GET"
        settings.url = "https://gw.example/send?key={key}"
        settings.format = "query"
        settings.form = ["to": "{to_digits}", "msg": "{text}", "cb": "{callback_url}"]
        settings.headers = ["X-Tenant": "{tenant}"]
        settings.variables = ["key": "k/1"]
        settings.idRegex = "ID:(\\w+)"
        settings.dlrReferenceField = "msgid"
        settings.dlrStatusField = "st"
        let plugin = try HTTPSMSPlugin(settings: settings, context: .testing(), transport: transport, environment: [:])
        #expect(try await run(plugin, outbox: ScriptedOutbox(), message: .sms("a&b c", id: "m-5")) == .sent(reference: "abc123", parts: 1))
        let request = try #require(transport.requests.first)
        #expect(request.url == "https://gw.example/send?key=k%2F1&msg=a%26b%20c&to=358401234567")
        #expect(request.headers == [HTTPField("X-Tenant", "acme")])
        #expect(request.body == nil)
    }

    @Test("sms_http JSON body: a header-injection attempt in a header template fails the message")
    func headerInjection() async throws {
        let transport = CapturingTransport(HTTPResponse(status: 200))
        var settings = HTTPSMSPlugin.Settings()
        settings.url = "https://gw.example/send"
        settings.format = "json"
        settings.body = #"{"text": "{text}"}"#
        settings.headers = ["X-Text": "{text}"]
        let plugin = try HTTPSMSPlugin(settings: settings, context: .testing(), transport: transport, environment: [:])
        guard case let .failed(reason) = try await run(plugin, outbox: ScriptedOutbox(), message: .sms("hi\r\nX-Evil: 1")) else {
            Issue.record("expected failed")
            return
        }
        #expect(reason.contains("line break"))
        #expect(transport.requests.isEmpty)
    }
}
