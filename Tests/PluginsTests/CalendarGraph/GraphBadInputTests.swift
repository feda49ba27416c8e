@testable import CalendarGraphPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// Answers every request with the next canned response (last one repeats).
private final class CannedTransport: HTTPTransport, @unchecked Sendable {
    private let responses: [HTTPResponse]
    private var index = 0
    private let lock = NSLock()

    init(_ responses: [HTTPResponse]) { self.responses = responses }

    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        lock.withLock {
            defer { index += 1 }
            return responses[min(index, responses.count - 1)]
        }
    }
}

@Suite("Graph adapter with bad input")
struct GraphBadInputTests {
    @Test("unreadable events are skipped and counted; the warning is logged once per 10 s, not per event")
    func badEventsAreRateLimited() async throws {
        let bad = (0..<5).map { #"{"id":"bad-\#($0)","start":{"dateTime":"soon","timeZone":"UTC"},"end":{"dateTime":"later","timeZone":"UTC"}}"# }
        let good = #"{"id":"good","showAs":"busy","start":{"dateTime":"2026-05-04T10:00:00","timeZone":"UTC"},"end":{"dateTime":"2026-05-04T11:00:00","timeZone":"UTC"}}"#
        let page = #"{"@odata.deltaLink":"https://graph.example/delta?$deltatoken=1","value":["# + (bad + [good]).joined(separator: ",") + "]}"
        let transport = CannedTransport([
            HTTPResponse(status: 200, body: Data(#"{"token_type":"Bearer","expires_in":3599,"access_token":"t"}"#.utf8)),
            HTTPResponse(status: 200, body: Data(page.utf8)),
        ])
        let logs = LogRecorder()
        let time = TestHubClock()
        let source = GraphCalendarSource(
            settings: .init(tenantID: "t", clientID: "c", clientSecret: "s"), transport: transport,
            context: .testing(logger: logs.logger(), clock: time.hubClock))
        let result = try await source.fetch(CalendarFetchRequest(
            mailbox: CalendarMailbox(user: "alice", address: "alice@contoso.com"), window: GraphFixtureTests.window, syncToken: nil))
        guard case let .full(blocks, token) = result else { throw CalendarFixtureError("expected a full read") }
        #expect(blocks.map(\.id) == ["good"])
        #expect(token == "https://graph.example/delta?$deltatoken=1")
        #expect(source.statistics.badEvents == 5)
        let warnings = logs.entries(containing: "skipped event")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message == "skipped event: start 'soon' is not a date-time")
    }

    @Test("a page that is not a Graph collection is an invalid response")
    func notJSON() async throws {
        let transport = CannedTransport([
            HTTPResponse(status: 200, body: Data(#"{"token_type":"Bearer","expires_in":3599,"access_token":"t"}"#.utf8)),
            HTTPResponse(status: 200, body: Data("<html>proxy login</html>".utf8)),
        ])
        let source = GraphCalendarSource(settings: .init(tenantID: "t", clientID: "c", clientSecret: "s"), transport: transport, context: .testing())
        let error = await #expect(throws: CalendarSourceError.self) {
            try await source.fetch(CalendarFetchRequest(
                mailbox: CalendarMailbox(user: "alice", address: "alice@contoso.com"), window: GraphFixtureTests.window, syncToken: nil))
        }
        #expect(error?.description.hasPrefix("invalid response: delta page is not a Graph collection") == true, "\(String(describing: error))")
    }
}
