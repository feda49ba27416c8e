import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import SMSHTTPPlugin
import Testing

/// The plugins' own callback listener, driven over real HTTP (libcurl) without a gateway behind it.
@Suite("SMSHTTP callback listener", .serialized, .timeLimit(.minutes(1)))
struct CallbackListenerTests {
    func withListener(token: String? = nil, sink: RecordingSink = RecordingSink(), _ body: (String, CurlHTTPClient) async throws -> Void) async throws {
        let port = try FreePort.next()
        let settings = KannelSMSPlugin.Settings(username: "hub", password: "pw", listen: "127.0.0.1:\(port)", callbackToken: token)
        let context = PluginContext.testing(sink: sink)
        let plugin = try KannelSMSPlugin(settings: settings, context: context, transport: CapturingTransport(HTTPResponse(status: 202)), environment: [:])
        let task = Task { try await plugin.run(context: context) }
        let http = try CurlHTTPClient()
        defer {
            task.cancel()
            http.shutdown()
        }
        try await waitUntil(timeout: .seconds(5), "the listener") { KannelHarness.accepts(port) }
        try await body("http://127.0.0.1:\(port)", http)
    }

    @Test("answers: 200 for a report, 404 for other paths, 400 naming the field, 413 for a large body; keep-alive works")
    func answers() async throws {
        let sink = RecordingSink()
        try await withListener(sink: sink) { base, http in
            let ok = try await http.send(HTTPRequest(method: "GET", url: base + "/kannel/dlr?id=m1&status=1&reply=&smsc=FAKE"))
            #expect(ok.status == 200)
            #expect(sink.outputs == [.deliveryReport(DeliveryReport(reference: "m1", state: .delivered))])
            let intermediate = try await http.send(HTTPRequest(method: "GET", url: base + "/kannel/dlr?id=m1&status=8&reply=ACK%2F"))
            #expect(intermediate.status == 200 && sink.outputs.count == 1)
            #expect(try await http.send(HTTPRequest(method: "GET", url: base + "/elsewhere")).status == 404)
            let bad = try await http.send(HTTPRequest(method: "GET", url: base + "/kannel/dlr?id=m1&status=%25d"))
            #expect(bad.status == 400)
            #expect(String(decoding: bad.body, as: UTF8.self).contains("field 'status'"))
            let large = try await http.send(HTTPRequest(
                method: "POST", url: base + "/kannel/mo", headers: [HTTPField("Content-Type", "application/x-www-form-urlencoded")],
                body: Data(repeating: UInt8(ascii: "a"), count: 70_000)))
            #expect(large.status == 413)
            #expect(try await http.send(HTTPRequest(method: "GET", url: base + "/kannel/mo?from=1&to=2&text=after")).status == 200)
        }
    }

    @Test("with callback_token set, callbacks without it are refused with 403")
    func token() async throws {
        let sink = RecordingSink()
        try await withListener(token: "s3cret", sink: sink) { base, http in
            let missing = try await http.send(HTTPRequest(method: "GET", url: base + "/kannel/dlr?id=m1&status=1"))
            let wrong = try await http.send(HTTPRequest(method: "GET", url: base + "/kannel/dlr?id=m1&status=1&token=wrong"))
            let right = try await http.send(HTTPRequest(method: "GET", url: base + "/kannel/dlr?id=m1&status=1&token=s3cret"))
            #expect(missing.status == 403 && wrong.status == 403 && right.status == 200)
            #expect(sink.outputs.count == 1)
        }
    }

    @Test("when the hub cannot take the output, the listener answers 503 so the gateway calls again")
    func hubDown() async throws {
        struct Down: PluginEventSink {
            struct Unavailable: Error {}
            func submit(_ output: PluginOutput) async throws -> PluginOutputResult { throw Unavailable() }
        }
        let port = try FreePort.next()
        let settings = KannelSMSPlugin.Settings(username: "hub", password: "pw", listen: "127.0.0.1:\(port)")
        let context = PluginContext.testing(sink: Down())
        let plugin = try KannelSMSPlugin(settings: settings, context: context, transport: CapturingTransport(HTTPResponse(status: 202)), environment: [:])
        let task = Task { try await plugin.run(context: context) }
        let http = try CurlHTTPClient()
        defer { task.cancel(); http.shutdown() }
        try await waitUntil(timeout: .seconds(5), "the listener") { KannelHarness.accepts(port) }
        #expect(try await http.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/kannel/dlr?id=m1&status=1")).status == 503)
    }
}
