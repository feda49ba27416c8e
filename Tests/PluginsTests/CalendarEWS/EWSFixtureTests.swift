@testable import CalendarEWSPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The EWS adapter end to end over libcurl against the fixture server.
@Suite("EWS adapter against the fixture server", .timeLimit(.minutes(1)))
struct EWSFixtureTests {
    static let path = "/EWS/Exchange.asmx"
    static let basic = "Basic " + Data("EXAMPLE\\svc-presence:pa55 w0rd".utf8).base64EncodedString()
    static let window = DateInterval(start: EWSParsingTests.date("2026-05-04T08:00:00Z"), end: EWSParsingTests.date("2026-05-12T09:00:00Z"))

    static func xml(_ file: String, status: Int = 200) -> [String: Any] {
        ["status": status, "headers": ["Content-Type": "text/xml; charset=utf-8"], "file": "ews/\(file)"]
    }

    static func route(_ operation: String, _ mailbox: String, contains: [String] = [], _ responses: [[String: Any]], auth: Bool = true) -> [String: Any] {
        var route: [String: Any] = [
            "name": "\(operation) \(mailbox)", "method": "POST", "path": path,
            "body_contains": ["<m:\(operation)", "<t:PrimarySmtpAddress>\(mailbox)</t:PrimarySmtpAddress>"] + contains,
            "responses": responses,
        ]
        if auth { route["require_header"] = ["Authorization": basic] }
        return route
    }

    static var alice: [[String: Any]] { [
        route("FindItem", "alice@example.com", [xml("finditem-alice.xml")]),
        route("GetItem", "alice@example.com", contains: ["AAMkAGI2-alice-offsite=", "AAMkAGI2-alice-vacation="], [xml("getitem-alice.xml")]),
    ] }

    struct Rig {
        let server: CalendarFixtureServer
        let http: CurlHTTPClient
        let source: EWSCalendarSource

        init(_ routes: [[String: Any]], ntlm: Bool = false, auth: String = "basic") async throws {
            server = try await CalendarFixtureServer.start(scenario: ["routes": routes, "ntlm": ntlm])
            http = try CurlHTTPClient()
            let settings = CalendarEWSPlugin.Settings(
                url: "\(server.base)\(EWSFixtureTests.path)", username: "EXAMPLE\\svc-presence", password: "pa55 w0rd", auth: auth)
            source = EWSCalendarSource(settings: settings, transport: http, context: .testing())
        }

        func fetch(_ mailbox: String) async throws(CalendarSourceError) -> [CalendarBlock] {
            let result = try await source.fetch(CalendarFetchRequest(
                mailbox: CalendarMailbox(user: UserID(mailbox), address: mailbox), window: EWSFixtureTests.window, syncToken: nil))
            guard case let .full(blocks, token) = result, token == nil else { return [] }
            return blocks
        }

        func requests() async throws -> [CalendarFixtureServer.Recorded] { try await server.requests(using: http) }

        func stop() {
            server.stop()
            http.shutdown()
        }
    }

    @Test("FindItem under impersonation with X-AnchorMailbox and Basic auth, GetItem for missing details")
    func findAndGet() async throws {
        let rig = try await Rig(Self.alice)
        defer { rig.stop() }
        let blocks = try await rig.fetch("alice@example.com")
        #expect(blocks.map(\.id) == [
            "AAMkAGI2-alice-budget=", "AAMkAGI2-alice-doctor=", "AAMkAGI2-alice-standup=", "AAMkAGI2-alice-review=",
            "AAMkAGI2-alice-offsite=", "AAMkAGI2-alice-vacation=",
        ], "the item ending at the window start is dropped")
        let offsite = try #require(blocks.first { $0.id == "AAMkAGI2-alice-offsite=" })
        #expect(offsite.sensitivity == .personal && offsite.response == .declined && offsite.showAs == .workingElsewhere)
        let vacation = try #require(blocks.first { $0.id == "AAMkAGI2-alice-vacation=" })
        #expect(vacation.isAllDay && vacation.showAs == .outOfOffice && vacation.categories == ["Presence"])

        let requests = try await rig.requests()
        #expect(requests.map(\.route) == [.name("FindItem alice@example.com"), .name("GetItem alice@example.com")])
        for request in requests {
            #expect(request.method == "POST" && request.path == Self.path)
            #expect(request.header("X-AnchorMailbox") == "alice@example.com")
            #expect(request.header("Content-Type") == "text/xml; charset=utf-8")
            #expect(request.header("Authorization") == Self.basic)
            #expect(request.body.contains("<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>alice@example.com</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>"))
        }
        #expect(requests[0].body.contains("<m:CalendarView MaxEntriesReturned=\"200\" StartDate=\"2026-05-04T08:00:00Z\" EndDate=\"2026-05-12T09:00:00Z\"/>"))
        #expect(requests[1].body.contains("<m:ItemIds><t:ItemId Id=\"AAMkAGI2-alice-offsite=\" ChangeKey=\"DwAAABYE\"/><t:ItemId Id=\"AAMkAGI2-alice-vacation=\" ChangeKey=\"DwAAABYF\"/></m:ItemIds>"))
        #expect(rig.source.statistics.getItemRequests == 1)
    }

    @Test("NTLM: the service account authenticates with the NTLM handshake")
    func ntlm() async throws {
        let rig = try await Rig([Self.route("FindItem", "bob@example.com", [Self.xml("finditem-bob-rest.xml")], auth: false)], ntlm: true, auth: "ntlm")
        defer { rig.stop() }
        #expect(try await rig.fetch("bob@example.com").count == 2)
        let requests = try await rig.requests()
        #expect(requests.last?.ntlm_user == "EXAMPLE\\svc-presence")
        #expect(requests.contains { $0.header("Authorization")?.hasPrefix("NTLM ") == true })
        #expect(requests.last?.status == 200)
    }

    @Test("a CalendarView cut at MaxEntriesReturned is continued from its last item's start")
    func truncatedView() async throws {
        let rig = try await Rig([
            Self.route("FindItem", "bob@example.com", contains: ["StartDate=\"2026-05-04T12:00:00Z\""], [Self.xml("finditem-bob-rest.xml")]),
            Self.route("FindItem", "bob@example.com", contains: ["StartDate=\"2026-05-04T08:00:00Z\""], [Self.xml("finditem-bob-cut.xml")]),
        ])
        defer { rig.stop() }
        let blocks = try await rig.fetch("bob@example.com")
        #expect(blocks.map(\.id) == ["AAMkAGI2-bob-1=", "AAMkAGI2-bob-2=", "AAMkAGI2-bob-3="])
        #expect(try await rig.requests().count == 2)
        #expect(rig.source.statistics.truncatedViews == 1)
    }

    @Test("ErrorServerBusy is throttled with BackOffMilliseconds; 503 without a hint too")
    func serverBusy() async throws {
        let rig = try await Rig([
            Self.route("FindItem", "bob@example.com", [Self.xml("fault-server-busy.xml", status: 500), Self.xml("finditem-bob-rest.xml")]),
            Self.route("FindItem", "carol@example.com", [["status": 503, "body": "<html><body>Service Unavailable</body></html>"]]),
        ])
        defer { rig.stop() }
        await #expect(throws: CalendarSourceError.throttled(retryAfter: .milliseconds(5000), "ErrorServerBusy")) {
            try await rig.fetch("bob@example.com")
        }
        #expect(try await rig.fetch("bob@example.com").count == 2)
        await #expect(throws: CalendarSourceError.throttled(retryAfter: nil, "HTTP 503")) { try await rig.fetch("carol@example.com") }
        #expect(rig.source.statistics.throttled == 2)
    }

    @Test("a broken mailbox fails alone; others still read", arguments: [
        ("finditem-nonexistent-mailbox.xml", 200, CalendarSourceError.mailboxNotFound("ErrorNonExistentMailbox: The SMTP address has no mailbox associated with it.")),
        ("fault-impersonate-denied.xml", 500, .accessDenied("ErrorImpersonateUserDenied: The account does not have permission to impersonate the requested user.")),
    ])
    func brokenMailbox(file: String, status: Int, expected: CalendarSourceError) async throws {
        let rig = try await Rig([Self.route("FindItem", "nobody@example.com", [Self.xml(file, status: status)])] + Self.alice)
        defer { rig.stop() }
        await #expect(throws: expected) { try await rig.fetch("nobody@example.com") }
        #expect(try await rig.fetch("alice@example.com").count == 6)
    }

    @Test("refused credentials (401) are access denied")
    func badCredentials() async throws {
        let rig = try await Rig(Self.alice)
        defer { rig.stop() }
        let settings = CalendarEWSPlugin.Settings(
            url: "\(rig.server.base)\(Self.path)", username: "EXAMPLE\\svc-presence", password: "wrong", auth: "basic")
        let source = EWSCalendarSource(settings: settings, transport: rig.http, context: .testing())
        await #expect(throws: CalendarSourceError.accessDenied("Exchange refused the service account (HTTP 401)")) {
            try await source.fetch(CalendarFetchRequest(
                mailbox: CalendarMailbox(user: "alice", address: "alice@example.com"), window: Self.window, syncToken: nil))
        }
    }
}
