import Foundation
@testable import Hub
import HubCore
import Testing

/// Every built-in kind ships `plugins.d/<kind>.toml.sample`, generated from code and kept equal by these tests.
@Suite("Sample plugin configs")
struct SampleConfigTests {
    static let kinds = BuiltinPlugins.factories.map(\.descriptor.kind)

    /// What `hub plugins sample <kind>` prints: the sample, with a final newline added if it has none.
    static func printed(_ sample: String) -> String { sample.hasSuffix("\n") ? sample : sample + "\n" }

    @Test("there is at least one built-in kind, and kinds are unique")
    func kindsListed() {
        #expect(!Self.kinds.isEmpty)
        #expect(Set(Self.kinds).count == Self.kinds.count)
        #expect(BuiltinPlugins.registry.kinds == Self.kinds.sorted())
    }

    @Test("plugins.d/<kind>.toml.sample exists and equals the generated sample", arguments: kinds)
    func shippedSampleMatches(kind: String) throws {
        let factory = try #require(BuiltinPlugins.registry.factory(kind))
        let path = RepositoryFiles.sampleFile(kind: kind)
        #expect(FileManager.default.fileExists(atPath: path), "missing \(path): run `hub plugins sample \(kind) > plugins.d/\(kind).toml.sample`")
        let shipped = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            shipped == Self.printed(factory.descriptor.sampleConfig),
            "plugins.d/\(kind).toml.sample differs from `hub plugins sample \(kind)`; regenerate it")
    }

    @Test("the sample, installed as <kind>.toml, loads with no problems and builds an instance", arguments: kinds)
    func sampleLoads(kind: String) throws {
        let factory = try #require(BuiltinPlugins.registry.factory(kind))
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let text = RepositoryFiles.pointedAtRepository(factory.descriptor.sampleConfig)
        let file = try directory.write("\(kind).toml", text)
        // A sample next to it is documentation, never an instance.
        try directory.write("\(kind).toml.sample", factory.descriptor.sampleConfig)

        let (instances, problems) = PluginsDirectory.load(directory: directory.path, registry: BuiltinPlugins.registry, environment: [:])
        #expect(problems.isEmpty, "\(problems.map(\.description))")
        let instance = try #require(instances.first)
        #expect(instances.count == 1)
        #expect(instance.id == kind)
        #expect(instance.file == file)
        #expect(instance.kind == kind)
        #expect(Set(instance.settings.keys).isSubset(of: Set(factory.settingsKeys)))
        _ = try factory.make(settings: instance.settings, context: .validationOnly(instance))
    }

    @Test("the exec sample runs the repository's presence bridge once its path is pointed there")
    func execSamplePointsAtBridge() throws {
        let factory = try #require(BuiltinPlugins.registry.factory("exec"))
        let text = RepositoryFiles.pointedAtRepository(factory.descriptor.sampleConfig)
        let config = try PluginsDirectory.parse(file: "exec.toml", text: text, registry: BuiltinPlugins.registry, environment: [:])
        #expect(config.settings.object["command"] == .array([.string("python3"), .string(RepositoryFiles.presenceBridge)]))
        #expect(FileManager.default.fileExists(atPath: RepositoryFiles.presenceBridge))
        #expect(config.tenant == "acme")
        #expect(config.enabled)
    }
}
