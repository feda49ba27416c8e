import CalendarEWSPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

@Suite("CalendarEWSPlugin settings and conformance")
struct EWSSettingsTests {
    static var required: [String: Any] { [
        "url": "https://mail.example.com/EWS/Exchange.asmx", "username": "EXAMPLE\\svc-presence", "password": "change-me",
    ] }

    func make(_ extra: [String: Any]) throws -> CalendarEWSPlugin {
        let settings = try DictionarySettingsSource(Self.required.merging(extra) { $1 })
        return try #require(try CalendarEWSPlugin.factory.make(settings: settings, context: .testing()) as? CalendarEWSPlugin)
    }

    @Test("defaults match the sample; NTLM unless basic is asked for")
    func defaults() throws {
        let settings = try make([:]).settings
        #expect(settings == CalendarEWSPlugin.Settings(url: "https://mail.example.com/EWS/Exchange.asmx", username: "EXAMPLE\\svc-presence", password: "change-me"))
        #expect(settings.httpAuth == .ntlm(user: "EXAMPLE\\svc-presence", password: "change-me"))
        #expect(try make(["auth": "basic"]).settings.httpAuth == .basic(user: "EXAMPLE\\svc-presence", password: "change-me"))
        for line in ["# auth = \"ntlm\"", "# server_version = \"Exchange2013\"", "# poll_interval = \"5m\"", "# lookahead_days = 8",
                     "# max_entries = 200", "# max_concurrent = 8", "# request_timeout = \"30s\"", "# opt_in = \"show_as\"",
                     "# activity_busy = \"in_meeting\"", "# activity_out_of_office = \"on_vacation\"", "# publish_subjects = false",
                     "# activity_working_elsewhere = \"\""] {
            #expect(CalendarEWSPlugin.sampleConfig.contains(line), "\(line)")
        }
        let options = try settings.syncOptions()
        #expect(options.pollInterval == .seconds(300) && options.maxConcurrentPerServer == 8 && options.lookaheadDays == 8)
        #expect(options.policy == CalendarPresencePolicy())
    }

    @Test("the shared policy keys build the engine's policy")
    func policy() throws {
        let settings = try make([
            "opt_in": "keyword", "keywords": ["Presence", "h:=on_vacation"], "activity_tentative": "in_meeting",
            "activity_busy": "", "publish_subjects": true,
        ]).settings
        let policy = try settings.syncOptions().policy
        #expect(policy == CalendarPresencePolicy(
            optIn: .keyword, activities: [.outOfOffice: "on_vacation", .tentative: "in_meeting"],
            keywords: [CalendarKeyword("Presence"), CalendarKeyword("h:", activity: "on_vacation")], publishSubjects: true))
    }

    @Test("bad values are misconfigured, naming the key", arguments: [
        (#"{"url": "mail.example.com"}"#, "settings.url: 'mail.example.com' is not an http(s) URL"),
        (#"{"username": ""}"#, "settings.username: must not be empty"),
        (#"{"password": ""}"#, "settings.password: must not be empty"),
        (#"{"auth": "kerberos"}"#, "settings.auth: 'kerberos' is not one of ntlm, basic"),
        (#"{"server_version": "2013"}"#, "settings.server_version: '2013' is not an EWS version"),
        (#"{"poll_interval": "1s"}"#, "settings.poll_interval: must be at least 10s"),
        (#"{"lookahead_days": 0}"#, "settings.lookahead_days: must be between 1 and 62"),
        (#"{"max_entries": 5}"#, "settings.max_entries: must be between 10 and 1000"),
        (#"{"max_concurrent": 30}"#, "settings.max_concurrent: must be between 1 and 27"),
        (#"{"opt_in": "sometimes"}"#, #"settings.opt_in: must be "show_as" or "keyword" (got "sometimes")"#),
        (#"{"opt_in": "keyword"}"#, "settings.keywords: opt-in mode 'keyword' needs at least one keyword"),
        (#"{"keywords": ["two words"]}"#, "settings.keywords: must be one word without spaces (got 'two words')"),
        (#"{"keywords": ["a", "A"]}"#, "settings.keywords: duplicate keyword 'A'"),
        (#"{"activity_busy": "in meeting"}"#, "settings.activity_busy: 'in meeting' is not an activity id"),
    ])
    func invalid(json: String, message: String) throws {
        let extra = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        do {
            _ = try make(extra)
            Issue.record("accepted \(extra)")
        } catch let PluginError.misconfigured(text) {
            #expect(text.hasPrefix(message), "\(text)")
        }
    }

    @Test("the kind passes the conformance kit with its sample settings")
    func conformance() async throws {
        let invalid = try [
            DictionarySettingsSource(["url": "x", "username": "u", "password": "p"]),
            DictionarySettingsSource(["username": "u", "password": "p"]),
            DictionarySettingsSource(Self.required.merging(["max_concurrent": "many"]) { $1 }),
        ]
        let report = await PluginConformance(
            factory: CalendarEWSPlugin.factory, sampleSettings: try DictionarySettingsSource(Self.required), invalidSettings: invalid
        ).run()
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(CalendarEWSPlugin.descriptor.kind == "calendar_ews" && CalendarEWSPlugin.descriptor.roles == [.presenceSource])
    }
}
