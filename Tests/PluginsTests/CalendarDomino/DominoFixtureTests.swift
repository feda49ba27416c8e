@testable import CalendarDominoPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The Domino adapter end to end over libcurl against the fixture server.
@Suite("Domino adapter against the fixture server", .timeLimit(.minutes(1)))
struct DominoFixtureTests {
    static let basic = "Basic " + Data("svc-presence@example.com:n0tes pw".utf8).base64EncodedString()
    static let window = DateInterval(start: DominoDecodingTests.date("2026-05-03T00:00:00Z"), end: DominoDecodingTests.date("2026-05-13T00:00:00Z"))
    static let since = "since=2026-05-03T00:00:00Z&before=2026-05-13T00:00:00Z"

    static func json(_ file: String, status: Int = 200) -> [String: Any] {
        ["status": status, "headers": ["Content-Type": "application/json"], "file": "domino/\(file)"]
    }

    static func route(_ path: String, query: [String] = [], _ responses: [[String: Any]]) -> [String: Any] {
        [
            "method": "GET", "path": "/\(path)/api/calendar/events", "query_contains": query, "responses": responses,
            "require_header": ["Authorization": basic],
            "unauthorized": ["status": 401, "headers": ["WWW-Authenticate": "Basic realm=\"/\"", "Content-Type": "text/html"], "file": "domino/error-401.html"],
        ]
    }

    static var routes: [[String: Any]] { [
        route("mail/alice.nsf", [json("events-alice.json")]),
        route("mail/bob.nsf", query: ["start=10"], [json("events-bob-page2.json")]),
        route("mail/bob.nsf", query: ["start=0"], [json("events-bob-page1.json")]),
        route("mail/gone.nsf", [json("error-404.json", status: 404)]),
    ] }

    struct Rig {
        let server: CalendarFixtureServer
        let http: CurlHTTPClient
        let source: DominoCalendarSource

        init(password: String = "n0tes pw", pageSize: Int = 100) async throws {
            server = try await CalendarFixtureServer.start(scenario: ["routes": DominoFixtureTests.routes])
            http = try CurlHTTPClient()
            let settings = CalendarDominoPlugin.Settings(
                url: server.base, username: "svc-presence@example.com", password: password, timeZone: "Europe/Stockholm", pageSize: pageSize)
            source = DominoCalendarSource(settings: settings, transport: http, context: .testing())
        }

        func fetch(_ mailbox: String) async throws(CalendarSourceError) -> [CalendarBlock] {
            let result = try await source.fetch(CalendarFetchRequest(
                mailbox: CalendarMailbox(user: "u", address: mailbox), window: DominoFixtureTests.window, syncToken: nil))
            guard case let .full(blocks, nil) = result else { return [] }
            return blocks
        }

        func stop() {
            server.stop()
            http.shutdown()
        }
    }

    @Test("events of the window with Basic auth; the request names since/before/count/start")
    func events() async throws {
        let rig = try await Rig()
        defer { rig.stop() }
        let blocks = try await rig.fetch("mail\\alice.nsf")
        #expect(blocks.count == 8)
        #expect(blocks.filter { $0.showAs == .busy }.count == 5)
        let requests = try await rig.server.requests(using: rig.http)
        #expect(requests.count == 1)
        #expect(requests[0].path == "/mail/alice.nsf/api/calendar/events")
        #expect(requests[0].query == "\(Self.since)&count=100&start=0")
        #expect(requests[0].header("Authorization") == Self.basic)
        #expect(requests[0].header("Accept") == "application/json")
    }

    @Test("a full page is followed by the next one (count/start)")
    func paging() async throws {
        let rig = try await Rig(pageSize: 10)
        defer { rig.stop() }
        let blocks = try await rig.fetch("mail/bob.nsf")
        #expect(blocks.count == 12)
        #expect(try await rig.server.requests(using: rig.http).map(\.query) == [
            "\(Self.since)&count=10&start=0", "\(Self.since)&count=10&start=10",
        ])
    }

    @Test("a missing mail file is not found, refused credentials access denied; others still read")
    func brokenMailboxes() async throws {
        let rig = try await Rig()
        defer { rig.stop() }
        await #expect(throws: CalendarSourceError.mailboxNotFound("HTTP 404: Error reading event (cserror 1031) for mail/gone.nsf")) {
            try await rig.fetch("mail/gone.nsf")
        }
        #expect(try await rig.fetch("mail/alice.nsf").count == 8)
        let wrong = DominoCalendarSource(
            settings: CalendarDominoPlugin.Settings(url: rig.server.base, username: "svc-presence@example.com", password: "wrong"),
            transport: rig.http, context: .testing())
        await #expect(throws: CalendarSourceError.accessDenied("HTTP 401: the service account may not read mail/alice.nsf (mail file ACL)")) {
            try await wrong.fetch(CalendarFetchRequest(
                mailbox: CalendarMailbox(user: "u", address: "mail/alice.nsf"), window: Self.window, syncToken: nil))
        }
    }
}
