@testable import CalendarDominoPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The Domino REST API adapter end to end over libcurl against the fixture server.
@Suite("Domino REST API adapter against the fixture server", .timeLimit(.minutes(1)))
struct DRAPIFixtureTests {
    static let token1 = "eyJraWQiOiJmaXh0dXJlIiwiYWxnIjoiUlMyNTYifQ.token-1.c2ln"
    static let token2 = "eyJraWQiOiJmaXh0dXJlIiwiYWxnIjoiUlMyNTYifQ.token-2.c2ln"
    static let window = DominoFixtureTests.window
    static let calendarPath = "/api/pim-v1/calendar/default"
    static let days = "startdate=2026-05-03&enddate=2026-05-12"

    static func json(_ file: String, status: Int = 200, headers: [String: String] = [:]) -> [String: Any] {
        ["status": status, "headers": headers.merging(["Content-Type": "application/json"]) { $1 }, "file": "domino/\(file)"]
    }

    static func login(_ responses: [[String: Any]]) -> [[String: Any]] { [
        ["method": "POST", "path": "/api/v1/auth", "body_contains": [#""password":"wrong""#], "responses": [json("drapi-auth-401.json", status: 401)]],
        ["method": "POST", "path": "/api/v1/auth", "responses": responses],
    ] }

    static func calendar(_ mailbox: String, bearer: String = token1, _ responses: [[String: Any]]) -> [String: Any] {
        [
            "method": "GET", "path": calendarPath, "query_contains": ["mailboxid=\(mailbox)"], "responses": responses,
            "require_header": ["Authorization": "Bearer \(bearer)"], "unauthorized": ["status": 401],
        ]
    }

    static func routes(bearer: String = token1, login logins: [[String: Any]] = [json("drapi-auth.json")]) -> [[String: Any]] {
        login(logins) + [
            calendar("alice@example.com", bearer: bearer, [json("drapi-calendar-alice.json")]),
            calendar("mail/bob.nsf", bearer: bearer, [json("drapi-calendar-bob.json")]),
            calendar("gone@example.com", bearer: bearer, [json("drapi-error-404.json", status: 404)]),
            calendar("denied@example.com", bearer: bearer, [json("drapi-error-403.json", status: 403)]),
            calendar("moved@example.com", bearer: bearer, [[
                "status": 302, "headers": ["Location": "https://mail2.example.com:8880/api/pim-v1/calendar/default?mailboxid=moved@example.com"],
            ]]),
            calendar("busy@example.com", bearer: bearer, [["status": 429, "headers": ["Retry-After": "120"]]]),
        ]
    }

    struct Rig {
        let server: CalendarFixtureServer
        let http: CurlHTTPClient
        let time = TestHubClock()
        let source: DRAPICalendarSource

        init(routes: [[String: Any]] = DRAPIFixtureTests.routes(), password: String = "n0tes pw") async throws {
            server = try await CalendarFixtureServer.start(scenario: ["routes": routes])
            http = try CurlHTTPClient()
            let settings = CalendarDominoPlugin.Settings(
                url: server.base + "/", api: "drapi", username: "svc-presence@example.com", password: password, timeZone: "Europe/Stockholm")
            source = DRAPICalendarSource(settings: settings, transport: http, context: .testing(clock: time.hubClock))
        }

        func fetch(_ mailbox: String) async throws(CalendarSourceError) -> [CalendarBlock] {
            let result = try await source.fetch(CalendarFetchRequest(
                mailbox: CalendarMailbox(user: "u", address: mailbox), window: DRAPIFixtureTests.window, syncToken: nil))
            guard case let .full(blocks, nil) = result else { return [] }
            return blocks
        }

        func requests() async throws -> [CalendarFixtureServer.Recorded] { try await server.requests(using: http) }

        func stop() {
            server.stop()
            http.shutdown()
        }
    }

    @Test("logs in once (POST /api/v1/auth, scope MAIL) and reads each mailbox's default calendar with the bearer")
    func readsWithOneLogin() async throws {
        let rig = try await Rig()
        defer { rig.stop() }
        #expect(try await rig.fetch("alice@example.com").count == 9)
        let bob = try await rig.fetch("mail\\bob.nsf")
        #expect(bob.map(\.start) == [DominoDecodingTests.date("2026-05-04T07:30:00Z"), DominoDecodingTests.date("2026-05-05T07:30:00Z")])
        #expect(rig.source.statistics.unexpandedSeries == 1)
        #expect(rig.source.statistics.requests == 2)

        let requests = try await rig.requests()
        #expect(requests.map(\.method) == ["POST", "GET", "GET"])
        #expect(requests[0].path == "/api/v1/auth")
        #expect(requests[0].header("Content-Type") == "application/json")
        let login = try JSONSerialization.jsonObject(with: Data(requests[0].body.utf8)) as? [String: String]
        #expect(login == ["username": "svc-presence@example.com", "password": "n0tes pw", "scope": "MAIL"])
        #expect(requests[1].path == Self.calendarPath)
        #expect(requests[1].query == "\(Self.days)&mailboxid=alice@example.com")
        #expect(requests[1].header("Authorization") == "Bearer \(Self.token1)")
        #expect(requests[1].header("Accept") == "application/json")
        #expect(requests[2].query == "\(Self.days)&mailboxid=mail/bob.nsf")
    }

    @Test("a JWT the API answers 401 to is replaced by a new login, once")
    func renewsOn401() async throws {
        let rig = try await Rig(routes: Self.routes(bearer: Self.token2, login: [Self.json("drapi-auth.json"), Self.json("drapi-auth-2.json")]))
        defer { rig.stop() }
        #expect(try await rig.fetch("alice@example.com").count == 9)
        let requests = try await rig.requests()
        #expect(requests.map { "\($0.method) \($0.status)" } == ["POST 200", "GET 401", "POST 200", "GET 200"])
        #expect(requests[3].header("Authorization") == "Bearer \(Self.token2)")
    }

    @Test("the JWT is kept until shortly before expSeconds runs out (manual clock)")
    func renewsBeforeExpiry() async throws {
        // token-2 lives 600 s: kept up to 540 s, then a new login brings token-1.
        let routes = Self.login([Self.json("drapi-auth-2.json"), Self.json("drapi-auth.json")]) + [[
            "method": "GET", "path": Self.calendarPath, "responses": [Self.json("drapi-calendar-bob.json")],
        ]]
        let rig = try await Rig(routes: routes)
        defer { rig.stop() }
        _ = try await rig.fetch("mail/bob.nsf")
        await rig.time.advance(by: .seconds(539))
        _ = try await rig.fetch("mail/bob.nsf")
        await rig.time.advance(by: .seconds(2))
        _ = try await rig.fetch("mail/bob.nsf")
        let requests = try await rig.requests()
        #expect(requests.map(\.method) == ["POST", "GET", "GET", "POST", "GET"])
        #expect(requests.filter { $0.method == "GET" }.map { $0.header("Authorization") } == [
            "Bearer \(Self.token2)", "Bearer \(Self.token2)", "Bearer \(Self.token1)",
        ])
    }

    @Test("a refused login fails every mailbox and is not repeated for 5 minutes (no account lock-out)")
    func refusedLogin() async throws {
        let rig = try await Rig(password: "wrong")
        defer { rig.stop() }
        let refused = CalendarSourceError.accessDenied("DRAPI login refused (HTTP 401): Invalid credentials or account locked")
        await #expect(throws: refused) { try await rig.fetch("alice@example.com") }
        await #expect(throws: refused) { try await rig.fetch("mail/bob.nsf") }
        #expect(try await rig.requests().count == 1)
        await rig.time.advance(by: .seconds(301))
        await #expect(throws: refused) { try await rig.fetch("alice@example.com") }
        #expect(try await rig.requests().map(\.path) == ["/api/v1/auth", "/api/v1/auth"])
    }

    @Test("404, 403 and a redirect fail only their mailbox; 429 is throttled with Retry-After")
    func brokenMailboxes() async throws {
        let rig = try await Rig()
        defer { rig.stop() }
        await #expect(throws: CalendarSourceError.mailboxNotFound("HTTP 404: This is not the data you seek! for gone@example.com")) {
            try await rig.fetch("gone@example.com")
        }
        await #expect(throws: CalendarSourceError.accessDenied(
            "HTTP 403: Nice try chap, ask before next time: the service account may not read denied@example.com (mail file ACL, scope MAIL)")) {
            try await rig.fetch("denied@example.com")
        }
        await #expect(throws: CalendarSourceError.mailboxNotFound(
            "HTTP 302: mailbox moved@example.com is on another Domino server "
                + "(https://mail2.example.com:8880/api/pim-v1/calendar/default?mailboxid=moved@example.com); read it with an instance for that server")) {
            try await rig.fetch("moved@example.com")
        }
        await #expect(throws: CalendarSourceError.throttled(retryAfter: .seconds(120), "HTTP 429")) {
            try await rig.fetch("busy@example.com")
        }
        #expect(try await rig.fetch("alice@example.com").count == 9)
        #expect(try await rig.requests().filter { $0.path == "/api/v1/auth" }.count == 1)
    }

    @Test("on the sync engine: a meeting sets presence at its start, a missing mailbox fails alone")
    func engine() async throws {
        let server = try await CalendarFixtureServer.start(scenario: ["routes": Self.routes()])
        let http = try CurlHTTPClient()
        defer { server.stop(); http.shutdown() }
        let settings = CalendarDominoPlugin.Settings(
            url: server.base, api: "drapi", username: "svc-presence@example.com", password: "n0tes pw", timeZone: "Europe/Stockholm")
        let rig = CalendarEngineRig(users: [("alice", "alice@example.com"), ("gone", "gone@example.com")], time: TestHubClock(),
                                    options: try settings.syncOptions()) { context in
            settings.source(transport: http, context: context)
        }
        try await waitUntil(timeout: .seconds(30), "gone failed") { rig.status("gone")?.state == .failed }
        try await waitUntil(timeout: .seconds(30), "alice read") { rig.status("alice")?.state == .ok }
        #expect(rig.status("alice")?.entries == 9)
        #expect(rig.presence(of: "alice").isEmpty)
        await rig.time.advance(by: .seconds(60 * 60))
        try await waitUntil(timeout: .seconds(30), "alice in a meeting") { !rig.presence(of: "alice").isEmpty }
        #expect(rig.presence(of: "alice") == [CalendarEngineRig.setting("in_meeting", from: 60, until: 120)])
        await rig.stop()
    }
}
