import CalendarDominoPlugin
import CalendarEWSPlugin
import CalendarGraphPlugin
import Foundation
import HubCore
import Testing

@Suite("Calendar kinds' sample files")
struct CalendarSampleFileTests {
    @Test("plugins.d/<kind>.toml.sample equals the descriptor's sample", arguments: [
        CalendarEWSPlugin.descriptor, CalendarGraphPlugin.descriptor, CalendarDominoPlugin.descriptor,
    ])
    func sampleFile(descriptor: PluginDescriptor) throws {
        let path = Paths.repositoryRoot.appendingPathComponent("plugins.d/\(descriptor.kind).toml.sample").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == descriptor.sampleConfig, "regenerate with `hub plugins sample \(descriptor.kind) > \(path)`")
        #expect(descriptor.problems.isEmpty)
        #expect(!text.contains("password_env = \"") || text.contains("# password_env"), "secrets from the environment stay commented")
    }
}
