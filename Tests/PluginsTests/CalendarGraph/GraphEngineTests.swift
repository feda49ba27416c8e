@testable import CalendarGraphPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The Graph adapter on the real calendar sync engine, against the fixture server.
@Suite("Graph adapter on the sync engine", .timeLimit(.minutes(1)))
struct GraphEngineTests {
    typealias F = GraphFixtureTests

    static func rig(_ server: CalendarFixtureServer, _ http: CurlHTTPClient, users: [(String, String)]) throws -> CalendarEngineRig {
        let settings = CalendarGraphPlugin.Settings(
            tenantID: F.tenant, clientID: "11111111-2222-3333-4444-555555555555", clientSecret: "s3cr+t",
            tokenURL: server.base, graphURL: "\(server.base)/v1.0")
        return CalendarEngineRig(users: users, time: TestHubClock(), options: try settings.syncOptions()) { context in
            GraphCalendarSource(settings: settings, transport: http, context: context)
        }
    }

    @Test("meetings set presence at their start; a broken mailbox is marked failed while the others sync")
    func presenceAndBrokenMailbox() async throws {
        let server = try await CalendarFixtureServer.start(scenario: F.scenario([
            F.delta("alice@contoso.com", query: ["$deltatoken="], [F.json("delta-alice-changes.json")]),
            F.delta("bob@contoso.com", query: [], [F.json("delta-bob.json")]),
            F.delta("nobody@contoso.com", query: [], [F.json("error-404-invalid-user.json", status: 404)]),
        ] + F.aliceInitial))
        let http = try CurlHTTPClient()
        let rig = try Self.rig(server, http, users: [("alice", "alice@contoso.com"), ("bob", "bob@contoso.com"), ("nobody", "nobody@contoso.com")])
        defer { server.stop(); http.shutdown() }

        try await waitUntil(timeout: .seconds(30), "bob in a meeting") { !rig.presence(of: "bob").isEmpty }
        #expect(rig.presence(of: "bob") == [CalendarEngineRig.setting("in_meeting", from: 0, until: 30)])
        try await waitUntil(timeout: .seconds(30), "nobody failed") { rig.status("nobody")?.state == .failed }
        #expect(rig.status("nobody")?.reason == "mailbox not found: HTTP 404: ErrorInvalidUser: The requested user 'nobody@contoso.com' is invalid.")
        try await waitUntil(timeout: .seconds(30), "alice read") { rig.status("alice")?.state == .ok }
        #expect(rig.status("alice")?.entries == 6)
        #expect(rig.presence(of: "alice").isEmpty, "nothing before her 10:00 meeting")

        await rig.time.advance(by: .seconds(60 * 60))
        try await waitUntil(timeout: .seconds(30), "alice in a meeting") { !rig.presence(of: "alice").isEmpty }
        #expect(rig.presence(of: "alice").first?.activity == "in_meeting")
        #expect(rig.presence(of: "alice").first?.endsAt.map { $0 > CalendarEngineRig.at(60) } == true)
        // The next read is due within the poll interval after the hour; it must use the stored delta link.
        await rig.time.advance(by: .seconds(5 * 60))
        try await waitUntil(timeout: .seconds(30), "a read with alice's delta link") {
            let queries = (try? await server.requests(using: http).filter { $0.path.contains("alice") }.map(\.query)) ?? []
            return queries.contains { $0.hasPrefix("$deltatoken=alice-delta-1") }
        }
        await rig.stop()
    }

    @Test("429 Retry-After pauses the reads on the manual clock, then the read is retried")
    func throttledBackOff() async throws {
        let server = try await CalendarFixtureServer.start(scenario: F.scenario([
            F.delta("bob@contoso.com", query: [], [
                F.json("error-429-throttled.json", status: 429, headers: ["Retry-After": "120"]), F.json("delta-bob.json"),
            ]),
        ]))
        let http = try CurlHTTPClient()
        let rig = try Self.rig(server, http, users: [("bob", "bob@contoso.com")])
        defer { server.stop(); http.shutdown() }
        func deltaRequests() async throws -> Int { try await server.requests(using: http).filter { $0.method == "GET" }.count }

        try await waitUntil(timeout: .seconds(30), "first read throttled") { try await deltaRequests() == 1 }
        try await waitUntil(timeout: .seconds(30), "status recorded") { rig.status("bob") != nil }
        await rig.time.advance(by: .seconds(119))
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await deltaRequests() == 1, "no read before Retry-After has passed")
        #expect(rig.presence(of: "bob").isEmpty)
        await rig.time.advance(by: .seconds(1))
        try await waitUntil(timeout: .seconds(30), "retried after 120 s") { try await deltaRequests() == 2 }
        try await waitUntil(timeout: .seconds(30), "bob in a meeting") { !rig.presence(of: "bob").isEmpty }
        #expect(rig.presence(of: "bob").first?.activity == "in_meeting")
        await rig.stop()
    }
}
