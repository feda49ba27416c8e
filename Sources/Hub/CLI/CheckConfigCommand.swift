import ArgumentParser
import Foundation
import HubCore
import Logging

/// `hub check-config`: validates every `plugins.d` file (keys, kinds, settings, secrets) without starting anything.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate the hub options and every plugins.d/*.toml file.")

    @Option(help: "Directory of plugin instance files.") var plugins: String = "./plugins.d"
    @Option(help: "Port the hub would listen on.") var port: Int = 8080

    func run() async throws {
        var problems: [String] = []
        if !(1...65_535).contains(port) { problems.append("--port: must be 1-65535") }
        let results = ConfigCheck.run(directory: plugins, registry: BuiltinPlugins.registry)
        for line in results.ok { print("ok    \(line)") }
        problems += results.problems.map(\.description)
        for problem in problems { print("error \(problem)") }
        if !problems.isEmpty { throw ExitCode(1) }
        print("configuration is valid (\(results.ok.count) plugin instance(s))")
    }
}

/// Loads and instantiates every configured plugin instance to surface configuration errors.
enum ConfigCheck {
    static func run(directory: String, registry: PluginRegistry) -> (ok: [String], problems: [ConfigProblem]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], [ConfigProblem(file: directory, key: nil, message: "no such directory")])
        }
        let (configs, loadProblems) = PluginsDirectory.load(directory: directory, registry: registry)
        var problems = loadProblems
        var ok: [String] = []
        for config in configs {
            guard let factory = registry.factory(config.kind) else { continue }
            do {
                _ = try factory.make(settings: config.settings, context: .validationOnly(config))
                ok.append("\(config.file): \(config.kind) for tenant \(config.tenant)\(config.enabled ? "" : " (disabled)")")
            } catch let error as DecodingError {
                problems.append(ConfigProblem(file: config.file, key: nil, message: InstanceLoop.describe(error)))
            } catch {
                problems.append(ConfigProblem(file: config.file, key: nil, message: "\(error)"))
            }
        }
        return (ok, problems)
    }
}

extension PluginContext {
    /// A context for validating settings: no engine behind it (plugins do no I/O in `init`).
    static func validationOnly(_ config: PluginInstanceConfig) -> PluginContext {
        PluginContext(
            instanceID: config.id, tenant: config.tenant, logger: Logger(label: "hub.check-config"), clock: .system,
            sink: NullSink(), directory: NullDirectory(), state: NullState(), subscribe: { AsyncStream { $0.finish() } })
    }
}

private struct NullSink: PluginEventSink {
    func submit(_ output: PluginOutput) async throws -> PluginOutputResult { .rejected("validation only") }
}

private struct NullDirectory: DirectoryLookup {
    func user(_ id: UserID) async -> User? { nil }
    func user(badge: String) async -> User? { nil }
    func user(calendar address: String) async -> User? { nil }
    func usersWithCalendars() async -> [User] { [] }
}

private struct NullState: PluginStateStore {
    func value(for key: String) async throws -> String? { nil }
    func set(_ value: String?, for key: String) async throws {}
}
