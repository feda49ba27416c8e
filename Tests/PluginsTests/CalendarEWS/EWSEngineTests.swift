@testable import CalendarEWSPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The EWS adapter on the real calendar sync engine, against the fixture server.
@Suite("EWS adapter on the sync engine", .timeLimit(.minutes(1)))
struct EWSEngineTests {
    typealias F = EWSFixtureTests

    static func rig(_ server: CalendarFixtureServer, _ http: CurlHTTPClient, users: [(String, String)]) throws -> CalendarEngineRig {
        let settings = CalendarEWSPlugin.Settings(
            url: "\(server.base)\(F.path)", username: "EXAMPLE\\svc-presence", password: "pa55 w0rd", auth: "basic")
        return CalendarEngineRig(users: users, time: TestHubClock(), options: try settings.syncOptions()) { context in
            EWSCalendarSource(settings: settings, transport: http, context: context)
        }
    }

    @Test("busy entries set presence; a mailbox without impersonation rights fails alone")
    func presenceAndBrokenMailbox() async throws {
        let server = try await CalendarFixtureServer.start(scenario: ["routes": [
            F.route("FindItem", "bob@example.com", [F.xml("finditem-bob-rest.xml")]),
            F.route("FindItem", "carol@example.com", [F.xml("fault-impersonate-denied.xml", status: 500)]),
        ] + F.alice])
        let http = try CurlHTTPClient()
        let rig = try Self.rig(server, http, users: [("alice", "alice@example.com"), ("bob", "bob@example.com"), ("carol", "carol@example.com")])
        defer { server.stop(); http.shutdown() }

        try await waitUntil(timeout: .seconds(30), "carol failed") { rig.status("carol")?.state == .failed }
        #expect(rig.status("carol")?.reason == "access denied: ErrorImpersonateUserDenied: The account does not have permission to impersonate the requested user.")
        try await waitUntil(timeout: .seconds(30), "alice and bob read") { rig.status("alice")?.state == .ok && rig.status("bob")?.state == .ok }
        #expect(rig.status("alice")?.entries == 7, "the engine window starts at yesterday midnight, so the 07:00 item counts")
        await rig.time.advance(by: .seconds(60 * 60))
        try await waitUntil(timeout: .seconds(30), "alice in a meeting at 10:00") { !rig.presence(of: "alice").isEmpty }
        #expect(rig.presence(of: "alice") == [CalendarEngineRig.setting("in_meeting", from: 60, until: 120)])
        await rig.stop()
    }

    @Test("ErrorServerBusy pauses every read of the server for BackOffMilliseconds on the manual clock")
    func serverBusyBackOff() async throws {
        let server = try await CalendarFixtureServer.start(scenario: ["routes": [
            F.route("FindItem", "bob@example.com", [F.xml("fault-server-busy.xml", status: 500), F.xml("finditem-bob-rest.xml")]),
        ]])
        let http = try CurlHTTPClient()
        let rig = try Self.rig(server, http, users: [("bob", "bob@example.com")])
        defer { server.stop(); http.shutdown() }
        func finds() async throws -> Int { try await server.requests(using: http).count }

        try await waitUntil(timeout: .seconds(30), "first read busy") { try await finds() == 1 }
        try await waitUntil(timeout: .seconds(30), "status recorded") { rig.status("bob") != nil }
        await rig.time.advance(by: .milliseconds(4900))
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await finds() == 1, "no request during the back-off")
        await rig.time.advance(by: .milliseconds(100))
        try await waitUntil(timeout: .seconds(30), "retried after 5 s") { try await finds() == 2 }
        try await waitUntil(timeout: .seconds(30), "bob read") { rig.status("bob")?.state == .ok }
        #expect(rig.status("bob")?.entries == 2)
        await rig.stop()
    }
}
