import CalendarDominoPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

@Suite("CalendarDominoPlugin settings, conformance and engine run")
struct DominoSettingsTests {
    static var required: [String: Any] { ["url": "https://mail.example.com", "username": "svc-presence@example.com", "password": "change-me"] }

    func make(_ extra: [String: Any]) throws -> CalendarDominoPlugin {
        let settings = try DictionarySettingsSource(Self.required.merging(extra) { $1 })
        return try #require(try CalendarDominoPlugin.factory.make(settings: settings, context: .testing()) as? CalendarDominoPlugin)
    }

    @Test("defaults match the sample")
    func defaults() throws {
        let settings = try make([:]).settings
        #expect(settings == CalendarDominoPlugin.Settings(url: "https://mail.example.com", username: "svc-presence@example.com", password: "change-me"))
        for line in ["# api = \"das\"", "# scope = \"MAIL\"", "# time_zone = \"UTC\"", "# page_size = 100", "# poll_interval = \"5m\"", "# lookahead_days = 8", "# max_concurrent = 8",
                     "# request_timeout = \"30s\"", "# opt_in = \"show_as\"", "# keywords = [\"Presence\", \"h:=on_vacation\"]"] {
            #expect(CalendarDominoPlugin.sampleConfig.contains(line), "\(line)")
        }
    }

    @Test("bad values are misconfigured, naming the key", arguments: [
        (#"{"url":"mail.example.com"}"#, "settings.url: 'mail.example.com' is not an http(s) URL"),
        (#"{"password":""}"#, "settings.password: must not be empty"),
        (#"{"api":"keep"}"#, "settings.api: 'keep' is not one of das, drapi"),
        (#"{"api":"drapi","scope":" "}"#, "settings.scope: must not be empty"),
        (#"{"time_zone":"Eastern"}"#, "settings.time_zone: 'Eastern' is not an IANA time zone"),
        (#"{"page_size":5}"#, "settings.page_size: must be between 10 and 1000"),
        (#"{"ca_file":""}"#, "settings.ca_file: must not be empty"),
        (#"{"activity_out_of_office":"on vacation"}"#, "settings.activity_out_of_office: 'on vacation' is not an activity id"),
    ])
    func invalid(json: String, message: String) throws {
        let extra = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        do {
            _ = try make(extra)
            Issue.record("accepted \(json)")
        } catch let PluginError.misconfigured(text) {
            #expect(text.hasPrefix(message), "\(text)")
        }
    }

    @Test("api = \"drapi\" with its own scope picks the Domino REST API adapter")
    func drapi() throws {
        let settings = try make(["api": "drapi", "url": "https://mail.example.com:8880", "scope": "MAIL $DATA"]).settings
        #expect(settings.usesDRAPI && settings.scope == "MAIL $DATA")
        let http = try CurlHTTPClient()
        defer { http.shutdown() }
        #expect(settings.source(transport: http, context: .testing()) is DRAPICalendarSource)
        #expect(try make([:]).settings.source(transport: http, context: .testing()) is DominoCalendarSource)
    }

    @Test("the kind passes the conformance kit with its sample settings")
    func conformance() async throws {
        let report = await PluginConformance(
            factory: CalendarDominoPlugin.factory, sampleSettings: try DictionarySettingsSource(Self.required),
            invalidSettings: [try DictionarySettingsSource(["url": "https://x"])]
        ).run()
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    @Test("on the sync engine: a meeting sets presence at its start, a missing mail file fails alone", .timeLimit(.minutes(1)))
    func engine() async throws {
        let server = try await CalendarFixtureServer.start(scenario: ["routes": DominoFixtureTests.routes])
        let http = try CurlHTTPClient()
        defer { server.stop(); http.shutdown() }
        let settings = CalendarDominoPlugin.Settings(url: server.base, username: "svc-presence@example.com", password: "n0tes pw")
        let rig = CalendarEngineRig(users: [("alice", "mail/alice.nsf"), ("gone", "mail/gone.nsf")], time: TestHubClock(),
                                    options: try settings.syncOptions()) { context in
            DominoCalendarSource(settings: settings, transport: http, context: context)
        }
        try await waitUntil(timeout: .seconds(30), "gone failed") { rig.status("gone")?.state == .failed }
        try await waitUntil(timeout: .seconds(30), "alice read") { rig.status("alice")?.state == .ok }
        #expect(rig.status("alice")?.entries == 8)
        #expect(rig.presence(of: "alice").isEmpty)
        await rig.time.advance(by: .seconds(60 * 60))
        try await waitUntil(timeout: .seconds(30), "alice in a meeting") { !rig.presence(of: "alice").isEmpty }
        #expect(rig.presence(of: "alice") == [CalendarEngineRig.setting("in_meeting", from: 60, until: 120)])
        await rig.stop()
    }
}
