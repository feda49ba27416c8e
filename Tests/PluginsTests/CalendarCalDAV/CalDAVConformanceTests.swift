import CalendarCalDAVPlugin
import Foundation
import HubCore
import HubPluginTesting
import Testing

@Suite("CalendarCalDAVPlugin conformance and settings")
struct CalDAVConformanceTests {
    static func source(_ values: [String: Any]) throws -> DictionarySettingsSource {
        var base: [String: Any] = ["calendar_url": "https://dav.example.com/{user}/calendar/", "username": "hub-reader", "password": "pw"]
        for (key, value) in values { base[key] = value }
        return try DictionarySettingsSource(base.filter { !($0.value is NSNull) })
    }

    @Test("the calendar_caldav kind passes the conformance kit")
    func conformance() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let passwordFile = try directory.file("password", "s3cret\n", permissions: 0o600)
        let sample = try Self.source(["password": NSNull(), "password_file": passwordFile])
        let invalid = try [
            Self.source(["calendar_url": "ftp://dav.example.com/{user}/"]),
            Self.source(["calendar_url": "https://dav.example.com/shared/"]),
            Self.source(["password": NSNull()]),
            Self.source(["password": ""]),
            Self.source(["password_file": "/etc/x"]),
            Self.source(["time_zone": "Mars/Olympus"]),
            Self.source(["poll_interval": "1s"]),
            Self.source(["lookahead_days": 100]),
            Self.source(["opt_in": "keyword"]),
            Self.source(["keywords": ["two words"]]),
        ]
        let report = await PluginConformance(factory: CalendarCalDAVPlugin.factory, sampleSettings: sample, invalidSettings: invalid, requireRunning: true).run()
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    @Test("invalid settings name the key and the reason", arguments: [
        (["calendar_url": "dav.example.com/{user}"], "settings.calendar_url: 'dav.example.com/{user}' is not an http(s) URL"),
        (["calendar_url": "https://dav.example.com/all/"], "settings.calendar_url: must contain {user} or {local}"),
        (["username": ""], "settings.username: must not be empty"),
        (["password_file": "/run/secret"], "settings.password: set only one of password and password_file"),
        (["time_zone": "CEST"], "settings.time_zone: 'CEST' is not an IANA time zone"),
        (["full_resync_interval": "30s"], "settings.full_resync_interval: must not be shorter than poll_interval"),
        (["max_concurrent": 0], "settings.max_concurrent: must be between 1 and 64"),
        (["opt_in": "always"], "settings.opt_in: must be \"show_as\" or \"keyword\" (got \"always\")"),
    ] as [([String: any Sendable], String)])
    func invalid(values: [String: any Sendable], message: String) throws {
        let source = try Self.source(values)
        do {
            _ = try CalendarCalDAVPlugin.factory.make(settings: source, context: .testing())
            Issue.record("accepted \(values)")
        } catch let error as PluginError {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test("the password comes from the settings or the first line of the password file")
    func password() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(try Self.source([:]).decode(CalendarCalDAVPlugin.Settings.self).resolvedPassword() == "pw")
        let file = try directory.file("pw", "from-file\nignored\n", permissions: 0o600)
        let fromFile = try Self.source(["password": NSNull(), "password_file": file]).decode(CalendarCalDAVPlugin.Settings.self)
        #expect(try fromFile.resolvedPassword() == "from-file")
        let missing = try Self.source(["password": NSNull(), "password_file": directory.path("absent")]).decode(CalendarCalDAVPlugin.Settings.self)
        #expect(throws: PluginError.self) { try missing.resolvedPassword() }
    }

    @Test("calendar URLs from the template and the user's calendar address", arguments: [
        ("https://dav.example.com/{user}/calendar/", "anna", "https://dav.example.com/anna/calendar/"),
        ("https://dav.example.com/{user}/calendar", "Anna.V@example.com", "https://dav.example.com/Anna.V@example.com/calendar/"),
        ("https://dav.example.com/dav/calendars/{local}/personal/", "anna@example.com", "https://dav.example.com/dav/calendars/anna/personal/"),
        ("https://dav.example.com/{user}/", "a b/c", "https://dav.example.com/a%20b%2Fc/"),
        ("https://dav.example.com/{user}/", "https://other.example.com/cal/anna", "https://other.example.com/cal/anna/"),
    ])
    func template(template: String, address: String, expected: String) {
        #expect(CalendarURLTemplate.expand(template, address: address) == expected)
    }

    @Test("the shipped sample file equals the descriptor's sample")
    func sampleFile() throws {
        let file = CalDAVFixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("plugins.d/calendar_caldav.toml.sample")
        #expect(try String(contentsOf: file, encoding: .utf8) == CalendarCalDAVPlugin.sampleConfig)
    }
}
