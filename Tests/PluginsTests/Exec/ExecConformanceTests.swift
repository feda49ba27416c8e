import ExecPlugin
import Foundation
import HubCore
import HubPluginTesting
import Testing

@Suite("ExecPlugin conformance")
struct ExecConformanceTests {
    @Test("the exec kind passes the conformance kit, running the Python bridge")
    func conformance() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let users = ["anna.virtanen", "ben", "carla"]
        let lines = (0..<300).map { "\(users[$0 % 3]) in_meeting \($0 % 60 + 1) Meeting \($0)\n" }.joined()
        let watch = try directory.file("presence.txt", lines)
        let sample = try DictionarySettingsSource([
            "command": ["python3", Paths.presenceBridge],
            "config": ["watch": watch, "from_start": true, "source": "access_control"],
        ])
        let invalid = try [
            DictionarySettingsSource(["command": [String]()]),
            DictionarySettingsSource(["command": "python3"]),
            DictionarySettingsSource(["command": ["x"], "max_line_bytes": 1]),
            DictionarySettingsSource(["command": ["x"], "stderr_level": "chatty"]),
        ]
        let report = await PluginConformance(
            factory: ExecPlugin.factory, sampleSettings: sample, invalidSettings: invalid, minimumOutputs: 5,
            requireRunning: true
        ).run()
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.notes.contains { $0.contains("outputs submitted") && !$0.hasPrefix("0 ") }, "\(report.notes)")
    }
}
