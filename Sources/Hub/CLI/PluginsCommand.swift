import ArgumentParser
import Foundation
import HubCore

/// `hub plugins list|sample|check`.
struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins", abstract: "List plugin kinds, print sample configs, check instance files.",
        subcommands: [List.self, Sample.self, Check.self])

    /// `hub plugins list`: every built-in kind with its roles and summary.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in plugin kinds.")

        func run() async throws {
            for factory in BuiltinPlugins.factories {
                let roles = factory.descriptor.roles.map(\.rawValue).sorted().joined(separator: ",")
                print("\(factory.descriptor.kind)\t\(roles)\t\(factory.descriptor.summary)")
            }
        }
    }

    /// `hub plugins sample <kind>`: the commented sample instance file of a kind.
    struct Sample: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the sample config of a kind.")
        @Argument(help: "Plugin kind, e.g. exec.") var kind: String

        func run() async throws {
            guard let factory = BuiltinPlugins.registry.factory(kind) else {
                throw ValidationError("unknown kind '\(kind)'; known: \(BuiltinPlugins.registry.kinds.joined(separator: ", "))")
            }
            print(factory.descriptor.sampleConfig, terminator: factory.descriptor.sampleConfig.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// `hub plugins check`: same as `hub check-config` for the plugins directory.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate plugins.d/*.toml and list what plugin kinds see (serial ports).")
        @Option(help: "Directory of plugin instance files.") var plugins: String = "./plugins.d"

        func run() async throws {
            let results = ConfigCheck.run(directory: plugins, registry: BuiltinPlugins.registry)
            for line in results.ok { print("ok    \(line)") }
            for problem in results.problems { print("error \(problem)") }
            // What each kind sees on this machine (the serial ports for access control), as a hint, never an error.
            for factory in BuiltinPlugins.factories {
                for line in factory.environmentReport() { print("info  \(factory.descriptor.kind): \(line)") }
            }
            if !results.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
