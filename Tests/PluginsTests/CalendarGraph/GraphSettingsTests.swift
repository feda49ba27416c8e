import CalendarGraphPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

@Suite("CalendarGraphPlugin settings and conformance")
struct GraphSettingsTests {
    static var required: [String: Any] { [
        "tenant_id": "contoso.onmicrosoft.com", "client_id": "00000000-0000-0000-0000-000000000000", "client_secret": "change-me",
    ] }

    func make(_ extra: [String: Any]) throws -> CalendarGraphPlugin {
        let settings = try DictionarySettingsSource(Self.required.merging(extra) { $1 })
        return try #require(try CalendarGraphPlugin.factory.make(settings: settings, context: .testing()) as? CalendarGraphPlugin)
    }

    @Test("defaults match the sample and Microsoft's public endpoints")
    func defaults() throws {
        let settings = try make([:]).settings
        #expect(settings == CalendarGraphPlugin.Settings(
            tenantID: "contoso.onmicrosoft.com", clientID: "00000000-0000-0000-0000-000000000000", clientSecret: "change-me"))
        #expect(settings.tokenURL == "https://login.microsoftonline.com" && settings.graphURL == "https://graph.microsoft.com/v1.0")
        for line in ["# token_url = \"https://login.microsoftonline.com\"", "# graph_url = \"https://graph.microsoft.com/v1.0\"",
                     "# scope = \"https://graph.microsoft.com/.default\"", "# poll_interval = \"5m\"", "# lookahead_days = 8",
                     "# max_concurrent = 4", "# request_timeout = \"30s\"", "# opt_in = \"show_as\"", "# activity_tentative = \"\""] {
            #expect(CalendarGraphPlugin.sampleConfig.contains(line), "\(line)")
        }
        let options = try settings.syncOptions()
        #expect(options.pollInterval == .seconds(300) && options.maxConcurrentPerServer == 4 && options.lookaheadDays == 8)
    }

    @Test("bad values are misconfigured, naming the key", arguments: [
        (#"{"tenant_id": ""}"#, "settings.tenant_id: must be a tenant id or domain"),
        (#"{"tenant_id": "a/b"}"#, "settings.tenant_id: must be a tenant id or domain"),
        (#"{"client_id": ""}"#, "settings.client_id: must not be empty"),
        (#"{"client_secret": ""}"#, "settings.client_secret: must not be empty"),
        (#"{"token_url": "login.microsoftonline.com"}"#, "settings.token_url: 'login.microsoftonline.com' is not an http(s) URL"),
        (#"{"graph_url": "ftp://graph"}"#, "settings.graph_url: 'ftp://graph' is not an http(s) URL"),
        (#"{"poll_interval": "5s"}"#, "settings.poll_interval: must be at least 10s"),
        (#"{"max_concurrent": 0}"#, "settings.max_concurrent: must be between 1 and 64"),
        (#"{"request_timeout": "10m"}"#, "settings.request_timeout: must be between 1s and 300s"),
        (#"{"keywords": ["=x"]}"#, "settings.keywords: must be one word without spaces (got '')"),
        (#"{"keywords": ["h:="]}"#, "settings.keywords: entry 1 'h:=': '' is not an activity id"),
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
            DictionarySettingsSource(["tenant_id": "t", "client_id": "c"]),
            DictionarySettingsSource(Self.required.merging(["lookahead_days": 100]) { $1 }),
        ]
        let report = await PluginConformance(
            factory: CalendarGraphPlugin.factory, sampleSettings: try DictionarySettingsSource(Self.required), invalidSettings: invalid
        ).run()
        #expect(report.failures.isEmpty, "\(report.failures)")
    }
}
