import CalendarCalDAVPlugin
import CalendarDominoPlugin
import CalendarEWSPlugin
import CalendarGraphPlugin
import Foundation
import HubCore
import HubPluginSupport
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

    @Test("every calendar kind accepts its own keys and each shared policy key exactly once", arguments: [
        CalendarEWSPlugin.factory, CalendarGraphPlugin.factory, CalendarDominoPlugin.factory, CalendarCalDAVPlugin.factory,
    ])
    func sharedKeys(factory: PluginFactory) {
        #expect(Set(CalendarPolicySettings.keys).isSubset(of: factory.settingsKeys), "\(factory.descriptor.kind)")
        #expect(Set(factory.settingsKeys).count == factory.settingsKeys.count, "\(factory.settingsKeys)")
        for key in CalendarPolicySettings.keys {
            #expect(factory.descriptor.sampleConfig.contains("# \(key) = "), "\(factory.descriptor.kind) sample lacks \(key)")
        }
    }
}
