import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import SMSHTTPPlugin
import Testing

/// `sms_http` presets against the local provider stand-in, through the plugin's own libcurl client.
@Suite("sms_http against a provider fixture", .serialized, .timeLimit(.minutes(1)))
struct HTTPGatewayLiveTests {
    static let text = "Hej \"Åsa\" & {team}: möte 10:00 € 100% \\ ok\nrad 2"

    /// Starts the fixture and the plugin (preset `style`, URL pointed at the fixture), runs `body`, stops both.
    func withProvider(
        style: String, path: String, configure: (inout HTTPSMSPlugin.Settings) -> Void = { _ in },
        _ body: (ProviderFixture, ScriptedOutbox, RecordingSink, Int) async throws -> Void
    ) async throws {
        let credentials = style == "sinch" ? ["--token", "tok-123"] : ["--user", "acct", "--password", "pw:é"]
        let provider = try await ProviderFixture(style: style, credentials: credentials)
        let outbox = ScriptedOutbox()
        let sink = RecordingSink()
        var task: Task<Void, any Error>?
        do {
            let listenPort = try FreePort.next()
            var settings = HTTPSMSPlugin.Settings()
            settings.preset = style
            settings.url = "http://127.0.0.1:\(provider.port)\(path)"
            settings.variables = ["service_plan_id": "plan42", "account_sid": "AC99"]
            if style == "sinch" { settings.token = "tok-123" } else { settings.username = "acct"; settings.password = "pw:é" }
            settings.listen = "127.0.0.1:\(listenPort)"
            configure(&settings)
            let context = PluginContext.testing(sink: sink, outbox: outbox)
            let plugin = try HTTPSMSPlugin(settings: settings, context: context)
            task = Task { try await plugin.run(context: context) }
            try await waitUntil(timeout: .seconds(5), "the plugin's listener") { KannelHarness.accepts(listenPort) }
            try await body(provider, outbox, sink, listenPort)
        } catch {
            task?.cancel()
            outbox.close()
            _ = await task?.result
            await provider.stop()
            throw error
        }
        task?.cancel()
        outbox.close()
        _ = await task?.result
        await provider.stop()
    }

    func delivered(_ sink: RecordingSink) -> [DeliveryReport] {
        sink.outputs.compactMap { if case let .deliveryReport(report) = $0 { report } else { nil } }
    }

    @Test("46elks preset: form POST with Basic auth, exact fields, delivery report matched on our id")
    func elks() async throws {
        try await withProvider(style: "46elks", path: "/a1/sms") { provider, outbox, sink, listenPort in
            let message = OutboundMessage.sms(Self.text, to: "+46701234567", from: "Hub")
            outbox.enqueue(message)
            #expect(try await outbox.outcome(message.id) == .sent(reference: message.id.rawValue, parts: 1))
            let request = try #require(provider.requests.first)
            #expect(request.method == "POST" && request.path == "/a1/sms")
            #expect(request.header("Authorization") == "Basic " + Data("acct:pw:é".utf8).base64EncodedString())
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(request.form["message"] == Self.text)
            #expect(request.form["to"] == "+46701234567")
            #expect(request.form["from"] == "Hub")
            #expect(request.form["whendelivered"] == "http://127.0.0.1:\(listenPort)/dlr?ref=\(message.id.rawValue)")
            try await waitUntil(timeout: .seconds(10), "a delivery report") { !delivered(sink).isEmpty }
            #expect(delivered(sink).first?.reference == message.id.rawValue)
            #expect(delivered(sink).first?.state == .delivered)
        }
    }

    @Test("Sinch preset: JSON batch with bearer token, JSON-escaped text, JSON delivery report")
    func sinch() async throws {
        try await withProvider(style: "sinch", path: "/xms/v1/{service_plan_id}/batches") { provider, outbox, sink, _ in
            let message = OutboundMessage.sms(Self.text + " Привет")
            outbox.enqueue(message)
            #expect(try await outbox.outcome(message.id) == .sent(reference: message.id.rawValue, parts: 1))
            let request = try #require(provider.requests.first)
            #expect(request.path == "/xms/v1/plan42/batches")
            #expect(request.header("Authorization") == "Bearer tok-123")
            let json = try #require(request.json, "body: \(request.body)")
            #expect(json["body"] as? String == Self.text + " Привет")
            #expect(json["to"] as? [String] == ["+358401234567"])
            #expect(json["delivery_report"] as? String == "per_recipient")
            try await waitUntil(timeout: .seconds(10), "a delivery report") { !delivered(sink).isEmpty }
            #expect(delivered(sink).first == DeliveryReport(reference: message.id.rawValue, state: .delivered, detail: "0"))
        }
    }

    @Test("Twilio preset: form fields To/From/Body/StatusCallback, account in the URL")
    func twilio() async throws {
        try await withProvider(style: "twilio", path: "/2010-04-01/Accounts/{account_sid}/Messages.json") { provider, outbox, sink, _ in
            let message = OutboundMessage.sms(Self.text)
            outbox.enqueue(message)
            #expect(try await outbox.outcome(message.id) == .sent(reference: message.id.rawValue, parts: 1))
            let request = try #require(provider.requests.first)
            #expect(request.path == "/2010-04-01/Accounts/AC99/Messages.json")
            #expect(request.form["Body"] == Self.text && request.form["To"] == "+358401234567")
            try await waitUntil(timeout: .seconds(10), "a delivery report") { !delivered(sink).isEmpty }
            #expect(delivered(sink).first?.state == .delivered)
        }
    }

    @Test("503 with Retry-After is retry after 7 s; 400 is failed; wrong credentials (401) are failed")
    func classification() async throws {
        try await withProvider(style: "46elks", path: "/a1/sms") { _, outbox, _, _ in
            let busy = OutboundMessage.sms("please RETRY")
            let bad = OutboundMessage.sms("please REJECT")
            outbox.enqueue(busy)
            outbox.enqueue(bad)
            #expect(try await outbox.outcome(busy.id) == .retry(reason: #"provider answered 503 {"error": "busy"}"#, retryAfter: .seconds(7)))
            guard case let .failed(reason) = try await outbox.outcome(bad.id) else { Issue.record("expected failed"); return }
            #expect(reason.contains("400"))
        }
        try await withProvider(style: "46elks", path: "/a1/sms", configure: { $0.password = "wrong" }) { _, outbox, _, _ in
            let message = OutboundMessage.sms("hello")
            outbox.enqueue(message)
            guard case let .failed(reason) = try await outbox.outcome(message.id) else { Issue.record("expected failed"); return }
            #expect(reason.contains("401"))
        }
    }

    @Test("a provider that is down gives retry")
    func providerDown() async throws {
        let port = try FreePort.next()
        var settings = HTTPSMSPlugin.Settings()
        settings.preset = "46elks"
        settings.url = "http://127.0.0.1:\(port)/a1/sms"
        settings.username = "acct"
        settings.password = "pw"
        let outbox = ScriptedOutbox()
        let context = PluginContext.testing(outbox: outbox)
        let plugin = try HTTPSMSPlugin(settings: settings, context: context)
        let task = Task { try await plugin.run(context: context) }
        defer { task.cancel(); outbox.close() }
        let message = OutboundMessage.sms("hello")
        outbox.enqueue(message)
        guard case .retry = try await outbox.outcome(message.id) else { Issue.record("expected retry"); return }
    }

    @Test("an incoming-SMS callback (46elks form fields) becomes an incoming SMS; a bad one gets 400")
    func incoming() async throws {
        try await withProvider(style: "46elks", path: "/a1/sms") { _, _, sink, listenPort in
            let http = try CurlHTTPClient()
            defer { http.shutdown() }
            let body = FormCoding.encode([("from", "+46709876543"), ("to", "+46766861004"), ("message", "Hej då & 你好")])
            let ok = try await http.send(HTTPRequest(
                method: "POST", url: "http://127.0.0.1:\(listenPort)/mo", headers: [HTTPField("Content-Type", "application/x-www-form-urlencoded")],
                body: Data(body.utf8)))
            #expect(ok.status == 200)
            let incoming = try await sink.waitForOutputs(count: 1)
            guard case let .incomingSMS(sms)? = incoming.first else { Issue.record("got \(incoming)"); return }
            #expect(sms.from == "+46709876543" && sms.to == "+46766861004" && sms.text == "Hej då & 你好")
            let bad = try await http.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(listenPort)/dlr?status=delivered"))
            #expect(bad.status == 400)
            #expect(String(decoding: bad.body, as: UTF8.self).contains("'ref'"))
        }
    }
}
