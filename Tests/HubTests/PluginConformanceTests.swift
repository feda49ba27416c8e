import Foundation
@testable import Hub
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// HubPluginTesting's conformance kit for every built-in kind, with the kind's own sample config as settings.
@Suite("Plugin conformance of built-in kinds")
struct PluginConformanceTests {
    /// What the kit needs to know per kind beyond its sample: settings that must be refused, and whether
    /// the sample can keep running on a test machine (exec runs the repository's Python bridge).
    struct KindFixture {
        var invalidSettings: [[String: Any]] = []
        var requireRunning = false
    }

    static var fixtures: [String: KindFixture] { [
        "exec": KindFixture(
            invalidSettings: [
                ["command": [String]()],
                ["command": [""]],
                ["command": ["python3"], "max_line_bytes": 10],
                ["command": ["python3"], "max_lines_per_second": 0],
                ["command": ["python3"], "stderr_level": "loud"],
                ["command": ["python3"], "stop_grace_period": "2h"],
                ["command": ["python3"], "working_directory": ""],
                ["command": ["python3"], "environment": ["A=B": "x"]],
                ["command": "python3"],
                ["max_line_bytes": 1024],
            ],
            requireRunning: true),
    ] }

    /// The `[settings]` of the kind's sample config (program paths pointed at the repository), as the loader reads them.
    static func sampleSettings(of factory: PluginFactory) throws -> JSONSettingsSource {
        let text = RepositoryFiles.pointedAtRepository(factory.descriptor.sampleConfig)
        return try PluginsDirectory.parse(
            file: "\(factory.descriptor.kind).toml", text: text, registry: BuiltinPlugins.registry, environment: [:]
        ).settings
    }

    @Test("every built-in kind passes the conformance kit with its sample settings", arguments: BuiltinPlugins.factories.map(\.descriptor.kind))
    func conformance(kind: String) async throws {
        let factory = try #require(BuiltinPlugins.registry.factory(kind))
        let fixture = Self.fixtures[kind] ?? KindFixture()
        let report = await PluginConformance(
            factory: factory, sampleSettings: try Self.sampleSettings(of: factory),
            invalidSettings: try fixture.invalidSettings.map { try DictionarySettingsSource($0) },
            requireRunning: fixture.requireRunning
        ).run()
        #expect(report.failures.isEmpty, "\(kind): \(report.failures) (notes: \(report.notes))")
    }

    @Test("exec: the bridge is cancelled cleanly while its presence updates flow")
    func execCancelledWhileOutputsFlow() async throws {
        let factory = try #require(BuiltinPlugins.registry.factory("exec"))
        let directory = try ScratchDirectory("exec-flow")
        defer { directory.remove() }
        let lines = (1...200).map { "anna in_meeting Review \($0)" }.joined(separator: "\n") + "\n"
        let watch = try directory.write("presence.txt", lines)
        let settings = try DictionarySettingsSource([
            "command": ["python3", RepositoryFiles.presenceBridge],
            "config": ["watch": watch, "from_start": true, "source": "access_control"],
            "max_lines_per_second": 1_000,
        ])
        let report = await PluginConformance(
            factory: factory, sampleSettings: settings, runFor: .milliseconds(100), minimumOutputs: 5,
            requireRunning: true, submitDelay: .milliseconds(20)
        ).run()
        #expect(report.failures.isEmpty, "\(report.failures) (notes: \(report.notes))")
    }
}
