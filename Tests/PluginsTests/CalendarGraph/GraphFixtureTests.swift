@testable import CalendarGraphPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The Graph adapter end to end over libcurl against the fixture server.
@Suite("Graph adapter against the fixture server", .timeLimit(.minutes(1)))
struct GraphFixtureTests {
    static let tenant = "contoso.onmicrosoft.com"
    static let tokenPath = "/contoso.onmicrosoft.com/oauth2/v2.0/token"
    static let formBody = "client_id=11111111-2222-3333-4444-555555555555&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_secret=s3cr%2Bt&grant_type=client_credentials"

    static func json(_ file: String, status: Int = 200, headers: [String: String] = [:]) -> [String: Any] {
        ["status": status, "headers": ["Content-Type": "application/json"].merging(headers) { $1 }, "file": "graph/\(file)"]
    }

    static func delta(_ user: String, query: [String], _ responses: [[String: Any]], token: String = "fixture-token-1") -> [String: Any] {
        [
            "method": "GET", "path": "/v1.0/users/\(user)/calendarView/delta", "query_contains": query,
            "require_header": ["Authorization": "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.\(token)"],
            "unauthorized": json("error-401-invalid-token.json", status: 401), "responses": responses,
        ]
    }

    static let window = DateInterval(start: GraphDecodingTests.date("2026-05-03T00:00:00Z"), end: GraphDecodingTests.date("2026-05-13T00:00:00Z"))
    static let initialQuery = ["startDateTime=2026-05-03T00:00:00Z&endDateTime=2026-05-13T00:00:00Z"]

    static func scenario(_ routes: [[String: Any]], token: [[String: Any]] = [json("token.json")]) -> [String: Any] {
        ["routes": [["name": "token", "method": "POST", "path": tokenPath, "body_contains": [formBody], "responses": token]] + routes]
    }

    static var aliceInitial: [[String: Any]] { [
        delta("alice@contoso.com", query: ["$skiptoken=alice-page-2"], [json("delta-alice-page2.json")]),
        delta("alice@contoso.com", query: initialQuery, [json("delta-alice-page1.json")]),
    ] }

    /// A source wired to the server, the recording transport and a manual clock.
    struct Rig {
        let server: CalendarFixtureServer
        let http: CurlHTTPClient
        let clock = TestHubClock()
        let state = InMemoryStateStore()
        let source: GraphCalendarSource

        init(_ scenario: [String: Any], settings: (inout CalendarGraphPlugin.Settings) -> Void = { _ in }) async throws {
            server = try await CalendarFixtureServer.start(scenario: scenario)
            http = try CurlHTTPClient()
            var values = CalendarGraphPlugin.Settings(
                tenantID: GraphFixtureTests.tenant, clientID: "11111111-2222-3333-4444-555555555555", clientSecret: "s3cr+t",
                tokenURL: server.base, graphURL: "\(server.base)/v1.0")
            settings(&values)
            source = GraphCalendarSource(
                settings: values, transport: http, context: .testing(clock: clock.hubClock, state: state))
        }

        func fetch(_ mailbox: String, token: String? = nil) async throws(CalendarSourceError) -> CalendarFetchResult {
            try await source.fetch(CalendarFetchRequest(
                mailbox: CalendarMailbox(user: UserID(mailbox), address: mailbox), window: GraphFixtureTests.window, syncToken: token))
        }

        func requests() async throws -> [CalendarFixtureServer.Recorded] { try await server.requests(using: http) }

        func stop() {
            server.stop()
            http.shutdown()
        }
    }

    static func ids(_ result: CalendarFetchResult) -> [String] {
        switch result {
        case let .full(blocks, _): blocks.map(\.id)
        case let .changes(upserted, _, _): upserted.map(\.id)
        }
    }

    @Test("full read: token by client credentials, delta pages followed; the delta link is the sync token and brings changes")
    func initialAndIncremental() async throws {
        let rig = try await Rig(Self.scenario([
            Self.delta("alice@contoso.com", query: ["$deltatoken=alice-delta-1"], [Self.json("delta-alice-changes.json")]),
        ] + Self.aliceInitial))
        defer { rig.stop() }

        let first = try await rig.fetch("alice@contoso.com")
        guard case let .full(blocks, token) = first else { throw CalendarFixtureError("expected a full result, got \(first)") }
        #expect(blocks.map(\.id) == [
            "AAMk-alice-standup", "AAMk-alice-budget", "AAMk-alice-doctor", "AAMk-alice-review", "AAMk-alice-offsite", "AAMk-alice-vacation",
        ])
        #expect(token == "\(rig.server.base)/v1.0/users/alice@contoso.com/calendarView/delta?$deltatoken=alice-delta-1")
        var requests = try await rig.requests()
        #expect(requests.map(\.status) == [200, 200, 200])
        let tokenRequest = requests[0]
        #expect(tokenRequest.method == "POST" && tokenRequest.path == Self.tokenPath)
        #expect(tokenRequest.body == Self.formBody)
        #expect(tokenRequest.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(requests[1].path == "/v1.0/users/alice@contoso.com/calendarView/delta")
        #expect(requests[1].query == "startDateTime=2026-05-03T00:00:00Z&endDateTime=2026-05-13T00:00:00Z")
        #expect(requests[2].query == "$skiptoken=alice-page-2")
        for request in requests.dropFirst() {
            #expect(request.header("Authorization") == "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fixture-token-1")
            #expect(request.header("Prefer") == "outlook.timezone=\"UTC\"")
        }

        await rig.clock.advance(by: .seconds(120))
        let second = try await rig.fetch("alice@contoso.com", token: token)
        guard case let .changes(upserted, removed, next) = second else { throw CalendarFixtureError("expected changes, got \(second)") }
        #expect(upserted.map(\.id) == ["AAMk-alice-budget"])
        #expect(upserted.first?.start == GraphDecodingTests.date("2026-05-04T10:30:00Z"))
        #expect(removed == ["AAMk-alice-doctor", "AAMk-alice-far-future"], "@removed, and an entry moved out of the window")
        #expect(next?.hasSuffix("$deltatoken=alice-delta-2") == true)
        requests = try await rig.requests()
        #expect(requests.count == 4, "the cached token is reused")
        #expect(requests[3].query == "$deltatoken=alice-delta-1")
    }

    @Test("410 Gone / 400 SyncStateNotFound on a delta link is syncTokenExpired", arguments: [410, 400])
    func expiredDeltaToken(status: Int) async throws {
        let rig = try await Rig(Self.scenario([
            Self.delta("alice@contoso.com", query: ["$deltatoken=alice-delta-1"], [Self.json("error-410-syncstatenotfound.json", status: status)]),
        ] + Self.aliceInitial))
        defer { rig.stop() }
        await #expect(throws: CalendarSourceError.syncTokenExpired) {
            try await rig.fetch("alice@contoso.com", token: "\(rig.server.base)/v1.0/users/alice@contoso.com/calendarView/delta?$deltatoken=alice-delta-1")
        }
        #expect(rig.source.statistics.expiredTokens == 1)
    }

    @Test("429 is throttled with the Retry-After the server sent")
    func throttled() async throws {
        let rig = try await Rig(Self.scenario([
            Self.delta("bob@contoso.com", query: Self.initialQuery, [
                Self.json("error-429-throttled.json", status: 429, headers: ["Retry-After": "7"]), Self.json("delta-bob.json"),
            ]),
        ]))
        defer { rig.stop() }
        await #expect(throws: CalendarSourceError.throttled(
            retryAfter: .seconds(7), "HTTP 429: ApplicationThrottled: Application is over its MailboxConcurrency limit.")) {
            try await rig.fetch("bob@contoso.com")
        }
        #expect(Self.ids(try await rig.fetch("bob@contoso.com")) == ["AAMk-bob-1on1"])
        #expect(rig.source.statistics.throttled == 1)
    }

    @Test("a broken mailbox fails alone: 404 is not found, 403 access denied, other users still read", arguments: [
        (404, "error-404-invalid-user.json", CalendarSourceError.mailboxNotFound("HTTP 404: ErrorInvalidUser: The requested user 'nobody@contoso.com' is invalid.")),
        (403, "error-403-access-denied.json", .accessDenied("HTTP 403: ErrorAccessDenied: Access is denied. Check credentials and try again.")),
    ])
    func brokenMailbox(status: Int, file: String, expected: CalendarSourceError) async throws {
        let rig = try await Rig(Self.scenario([
            Self.delta("nobody@contoso.com", query: Self.initialQuery, [Self.json(file, status: status)]),
            Self.delta("bob@contoso.com", query: Self.initialQuery, [Self.json("delta-bob.json")]),
        ]))
        defer { rig.stop() }
        await #expect(throws: expected) { try await rig.fetch("nobody@contoso.com") }
        #expect(Self.ids(try await rig.fetch("bob@contoso.com")) == ["AAMk-bob-1on1"])
    }

    @Test("a refused client secret is access denied naming the AADSTS code, never the secret")
    func refusedSecret() async throws {
        let rig = try await Rig(Self.scenario([], token: [Self.json("token-invalid-client.json", status: 401)]))
        defer { rig.stop() }
        do {
            _ = try await rig.fetch("bob@contoso.com")
            Issue.record("expected a failure")
        } catch let .accessDenied(reason) {
            #expect(reason.contains("invalid_client: AADSTS7000215"))
            #expect(!reason.contains("s3cr"))
        } catch {
            Issue.record("got \(error)")
        }
    }

    @Test("the token is cached until shortly before expiry; a 401 from Graph renews it once")
    func tokenLifetime() async throws {
        let rig = try await Rig(Self.scenario([
            Self.delta("bob@contoso.com", query: [], [Self.json("delta-bob.json")], token: "fixture-token-2"),
        ], token: [Self.json("token.json"), Self.json("token-2.json")]))
        defer { rig.stop() }
        // The route wants token 2, so token 1 is refused: one renewal, then success.
        #expect(Self.ids(try await rig.fetch("bob@contoso.com")) == ["AAMk-bob-1on1"])
        #expect(try await rig.requests().map(\.status) == [200, 401, 200, 200])
        #expect(await rig.source.tokenRequests == 2)
        await rig.clock.advance(by: .seconds(3000))
        _ = try await rig.fetch("bob@contoso.com")
        #expect(await rig.source.tokenRequests == 2, "still valid after 50 minutes")
        await rig.clock.advance(by: .seconds(600))
        _ = try await rig.fetch("bob@contoso.com")
        #expect(await rig.source.tokenRequests == 3, "renewed within two minutes of expiry")
    }
}
