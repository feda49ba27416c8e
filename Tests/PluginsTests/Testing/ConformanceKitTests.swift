import HubCore
import HubPluginTesting
import Testing

@Suite("PluginConformance")
struct ConformanceKitTests {
    func report(_ mode: String, deadline: Duration = .seconds(2), requireRunning: Bool = false) async throws -> PluginConformance.Report {
        let settings = try DictionarySettingsSource(["mode": mode])
        let invalid = try DictionarySettingsSource(["mode": "good", "interval_ms": 0])
        return await PluginConformance(
            factory: TickerPlugin.factory, sampleSettings: settings, invalidSettings: [invalid],
            runFor: .milliseconds(100), cancellationDeadline: deadline, requireRunning: requireRunning
        ).run()
    }

    @Test("a well-behaved plugin passes")
    func good() async throws {
        let report = try await report("good")
        #expect(report.failures == [])
        #expect(report.notes.contains { $0.contains("after cancellation") })
    }

    @Test("the kit can wait for outputs before cancelling")
    func minimumOutputs() async throws {
        let report = await PluginConformance(
            factory: TickerPlugin.factory, sampleSettings: try DictionarySettingsSource(["mode": "good"]),
            runFor: .milliseconds(10), minimumOutputs: 5
        ).run()
        #expect(report.failures == [])
        let submitted = report.notes.first { $0.hasSuffix("outputs submitted") }?.split(separator: " ").first.flatMap { Int($0) }
        #expect((submitted ?? 0) >= 5)
    }

    @Test("a plugin that ignores cancellation fails the deadline")
    func stubborn() async throws {
        let report = try await report("stubborn", deadline: .milliseconds(200))
        #expect(report.failures == ["run did not end within 0.2 seconds of cancellation"])
    }

    @Test("a plugin that submits after cancellation is caught")
    func leaky() async throws {
        let report = try await report("leaky")
        #expect(report.failures == ["1 outputs submitted by a cancelled task"])
    }

    @Test("returning early or throwing an unclassified error fails")
    func early() async throws {
        #expect(try await report("early").failures == ["run returned before it was cancelled"])
        #expect(try await report("unclassified").failures.first?.hasPrefix("run threw Unclassified") == true)
    }

    @Test("a PluginError before cancellation passes unless running is required")
    func unavailable() async throws {
        #expect(try await report("unavailable").failures == [])
        #expect(try await report("unavailable", requireRunning: true).failures == ["run threw unavailable: peer down before it was cancelled"])
    }

    @Test("descriptor problems, unshown keys, unknown sample keys and lax factories are reported")
    func badFactory() async throws {
        let descriptor = PluginDescriptor(kind: "Bad Kind", summary: "", roles: [], sampleConfig: "plugin = \"bad\"\n## mode = 1\n")
        let factory = PluginFactory(descriptor: descriptor, settingsKeys: ["mode", "port"]) { _, _ in
            try TickerPlugin(settings: .init(mode: .good), context: .testing())
        }
        let report = await PluginConformance(
            factory: factory, sampleSettings: try DictionarySettingsSource(["mode": "good", "baud": 9600]), runFor: .milliseconds(50)
        ).run()
        #expect(report.failures == [
            "descriptor: kind 'Bad Kind' is not snake_case",
            "descriptor: summary is empty",
            "descriptor: no roles",
            "descriptor: sample config does not name plugin = \"Bad Kind\"",
            "sample config: settings key 'mode' is not shown (as `mode =` or `# mode =`)",
            "sample config: settings key 'port' is not shown (as `port =` or `# port =`)",
            "sample settings: unknown key 'baud'",
            "broken settings: make succeeded; expected PluginError.misconfigured",
        ])
    }

    @Test("sample settings that do not build an instance stop the checks")
    func sampleFails() async throws {
        let report = await PluginConformance(
            factory: TickerPlugin.factory, sampleSettings: try DictionarySettingsSource(["mode": "good", "interval_ms": -1])
        ).run()
        #expect(report.failures == ["sample settings: make threw misconfigured: settings.interval_ms: must be at least 1"])
    }
}
