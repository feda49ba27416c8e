import Foundation
@testable import Hub
import HubCore
import Logging
import Testing

/// `plugins.d/*.toml` loading: runtime keys, settings, secrets from the environment, file names, fingerprints.
@Suite("Plugin instance files")
struct PluginConfigTests {
    /// One file that must be refused with a problem naming `key` and containing every fragment of `message`.
    struct Rejected: Sendable, CustomTestStringConvertible {
        var name: String
        var fileName: String = "door.toml"
        var text: String
        var environment: [String: String] = [:]
        /// The key the problem names; nil for a problem with the whole file.
        var key: String?
        var message: [String]

        var testDescription: String { name }
    }

    static let command = #"command = ["python3", "bridge.py"]"#

    static let rejected: [Rejected] = [
        Rejected(
            name: "unknown top-level key", text: "plugin = \"exec\"\ntenant = \"acme\"\nbaud = 9600\n[settings]\n\(command)\n",
            key: "baud", message: ["unknown key", "enabled, log_level, plugin, settings, tenant"]),
        Rejected(
            name: "unknown settings key", text: "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(command)\nbauds = 9600\n",
            key: "settings.bauds", message: ["unknown key", "exec accepts:", "working_directory"]),
        Rejected(
            name: "unknown kind", text: "plugin = \"door_opener_9000\"\ntenant = \"acme\"\n",
            key: "plugin", message: ["unknown kind 'door_opener_9000'", "known: access_control_serial"]),
        Rejected(name: "missing plugin", text: "tenant = \"acme\"\n[settings]\n\(command)\n", key: "plugin", message: ["required", "exec"]),
        Rejected(name: "plugin not a string", text: "plugin = 7\ntenant = \"acme\"\n", key: "plugin", message: ["required"]),
        Rejected(name: "missing tenant", text: "plugin = \"exec\"\n[settings]\n\(command)\n", key: "tenant", message: ["required"]),
        Rejected(name: "tenant not an id", text: "plugin = \"exec\"\ntenant = \"Acme Oy\"\n", key: "tenant", message: [Slug.rule]),
        Rejected(
            name: "enabled as a string", text: "plugin = \"exec\"\ntenant = \"acme\"\nenabled = \"yes\"\n[settings]\n\(command)\n",
            key: "enabled", message: ["expected true or false"]),
        Rejected(
            name: "enabled as a number", text: "plugin = \"exec\"\ntenant = \"acme\"\nenabled = 1\n[settings]\n\(command)\n",
            key: "enabled", message: ["expected true or false"]),
        Rejected(
            name: "log_level as a number", text: "plugin = \"exec\"\ntenant = \"acme\"\nlog_level = 3\n[settings]\n\(command)\n",
            key: "log_level", message: ["expected one of trace, debug, info"]),
        Rejected(
            name: "log_level unknown", text: "plugin = \"exec\"\ntenant = \"acme\"\nlog_level = \"loud\"\n[settings]\n\(command)\n",
            key: "log_level", message: ["expected one of"]),
        Rejected(
            name: "settings not a table", text: "plugin = \"exec\"\ntenant = \"acme\"\nsettings = 5\n",
            key: "settings", message: ["expected a table [settings]"]),
        Rejected(
            name: "TOML syntax error", text: "plugin = \"exec\"\ntenant = \"acme\n[settings]\n\(command)\n",
            key: nil, message: ["line 2, column "]),
        Rejected(
            name: "TOML duplicate key", text: "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(command)\n\(command)\n",
            key: nil, message: ["line 5, column "]),
        Rejected(
            name: "secret from a missing environment variable",
            text: "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(command)\nworking_directory_env = \"HUB_TEST_BRIDGE_DIR\"\n",
            key: "settings.working_directory_env", message: ["environment variable HUB_TEST_BRIDGE_DIR is not set"]),
        Rejected(
            name: "both key and key_env",
            text: "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(command)\nworking_directory = \"/srv\"\nworking_directory_env = \"HUB_TEST_BRIDGE_DIR\"\n",
            environment: ["HUB_TEST_BRIDGE_DIR": "/var/lib/bridge"],
            key: "settings.working_directory_env", message: ["give either working_directory or working_directory_env, not both"]),
        Rejected(
            name: "both key and key_env, variable unset",
            text: "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(command)\nworking_directory = \"/srv\"\nworking_directory_env = \"HUB_TEST_BRIDGE_DIR\"\n",
            key: "settings.working_directory_env", message: ["not both"]),
        Rejected(
            name: "key_env not a variable name",
            text: "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(command)\nworking_directory_env = 5\n",
            key: "settings.working_directory_env", message: ["expected the name of an environment variable"]),
        Rejected(
            name: "_env of an unknown key", text: "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(command)\npassword_env = \"X\"\n",
            environment: ["X": "secret"], key: "settings.password_env", message: ["unknown key"]),
        Rejected(name: "upper-case file name", fileName: "Lobby.toml", text: "plugin = \"exec\"\ntenant = \"acme\"\n", message: ["file name must be an instance id"]),
        Rejected(name: "file name with a space", fileName: "lobby door.toml", text: "plugin = \"exec\"\ntenant = \"acme\"\n", message: ["file name must be an instance id"]),
        Rejected(name: "file name starting with a dash", fileName: "-lobby.toml", text: "plugin = \"exec\"\ntenant = \"acme\"\n", message: ["file name must be an instance id"]),
        Rejected(name: "hidden file", fileName: ".lobby.toml", text: "plugin = \"exec\"\ntenant = \"acme\"\n", message: ["file name must be an instance id"]),
        Rejected(name: "non-ASCII file name", fileName: "lobbyö.toml", text: "plugin = \"exec\"\ntenant = \"acme\"\n", message: ["file name must be an instance id"]),
        Rejected(
            name: "file name of 65 characters", fileName: String(repeating: "a", count: 65) + ".toml",
            text: "plugin = \"exec\"\ntenant = \"acme\"\n", message: ["file name must be an instance id"]),
    ]

    @Test("a bad file is refused with a problem naming the file and the key", arguments: rejected)
    func refused(_ example: Rejected) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(example.fileName, example.text)
        // A good neighbour still loads: one file's problems never hide another instance.
        try directory.write("zz-good.toml", "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(Self.command)\n")
        let (instances, problems) = PluginsDirectory.load(
            directory: directory.path, registry: BuiltinPlugins.registry, environment: example.environment)
        #expect(instances.map(\.id) == ["zz-good"])
        let problem = try #require(problems.first, "no problem reported")
        #expect(problems.count == 1)
        #expect(problem.file == path)
        #expect(problem.key == example.key)
        for fragment in example.message {
            #expect(problem.message.contains(fragment), "\(problem.description) lacks '\(fragment)'")
        }
        let prefix = [path, example.key].compactMap { $0 }.joined(separator: ": ") + ": "
        #expect(problem.description.hasPrefix(prefix), "\(problem.description)")
    }

    @Test("the unknown-key message reads like the design's example")
    func unknownKeyMessage() throws {
        let text = "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(Self.command)\nbauds = 9600\n"
        let error = #expect(throws: ConfigProblem.self) {
            try PluginsDirectory.parse(file: "plugins.d/lobby.toml", text: text, registry: BuiltinPlugins.registry, environment: [:])
        }
        #expect(error?.description.hasPrefix("plugins.d/lobby.toml: settings.bauds: unknown key") == true, "\(String(describing: error))")
    }

    @Test("a TOML syntax error names the line and column where parsing stopped")
    func syntaxErrorPosition() throws {
        let text = "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\ncommand = [\"python3\",, \"x\"]\n"
        let error = #expect(throws: ConfigProblem.self) {
            try PluginsDirectory.parse(file: "bad.toml", text: text, registry: BuiltinPlugins.registry, environment: [:])
        }
        let message = try #require(error?.message)
        let match = try #require(message.firstMatch(of: /line (\d+), column (\d+)/), "\(message)")
        #expect(Int(match.1) == 4)
        #expect((1...30).contains(Int(match.2) ?? 0), "\(message)")
    }

    @Test("defaults and runtime keys of a valid file")
    func runtimeKeys() throws {
        let plain = try PluginsDirectory.parse(
            file: "/x/bridge.toml", text: "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(Self.command)\n",
            registry: BuiltinPlugins.registry, environment: [:])
        #expect(plain.id == "bridge")
        #expect(plain.file == "/x/bridge.toml")
        #expect(plain.kind == "exec")
        #expect(plain.tenant == "acme")
        #expect(plain.enabled)
        #expect(plain.logLevel == .info)
        #expect(plain.settings.keys == ["command"])

        let tuned = try PluginsDirectory.parse(
            file: "bridge-2.toml",
            text: "plugin = \"exec\"\ntenant = \"globex\"\nenabled = false\nlog_level = \"debug\"\n[settings]\n\(Self.command)\n",
            registry: BuiltinPlugins.registry, environment: [:])
        #expect(tuned.id == "bridge-2")
        #expect(tuned.tenant == "globex")
        #expect(!tuned.enabled)
        #expect(tuned.logLevel == .debug)
    }

    @Test("key_env takes the value of key from the environment")
    func secretFromEnvironment() throws {
        let text = """
            plugin = "exec"
            tenant = "acme"
            [settings]
            \(Self.command)
            working_directory_env = "HUB_TEST_BRIDGE_DIR"
            stderr_level_env = "HUB_TEST_LEVEL"

            """
        let config = try PluginsDirectory.parse(
            file: "bridge.toml", text: text, registry: BuiltinPlugins.registry,
            environment: ["HUB_TEST_BRIDGE_DIR": "/var/lib/hub/bridge", "HUB_TEST_LEVEL": "warning"])
        #expect(config.settings.keys == ["command", "working_directory", "stderr_level"])
        #expect(config.settings.object["working_directory"] == .string("/var/lib/hub/bridge"))
        struct Decoded: Decodable {
            var command: [String]
            var working_directory: String?
            var stderr_level: String?
        }
        let decoded = try config.settings.decode(Decoded.self)
        #expect(decoded.command == ["python3", "bridge.py"])
        #expect(decoded.working_directory == "/var/lib/hub/bridge")
        #expect(decoded.stderr_level == "warning")
        // The kind accepts the substituted values.
        let factory = try #require(BuiltinPlugins.registry.factory("exec"))
        _ = try factory.make(settings: config.settings, context: .validationOnly(config))
        // A different secret is a different configuration.
        let rotated = try PluginsDirectory.parse(
            file: "bridge.toml", text: text, registry: BuiltinPlugins.registry,
            environment: ["HUB_TEST_BRIDGE_DIR": "/srv/other", "HUB_TEST_LEVEL": "warning"])
        #expect(rotated.settings.object["working_directory"] == .string("/srv/other"))
    }

    @Test("files other than *.toml, samples included, are ignored")
    func onlyTomlFiles() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("exec.toml.sample", "this is = not [valid toml\n")
        try directory.write("README.md", "# notes\n")
        try directory.write("bridge.toml~", "plugin = 1\n")
        try directory.write("bridge.toml.disabled", "plugin = 1\n")
        var loaded = PluginsDirectory.load(directory: directory.path, registry: BuiltinPlugins.registry, environment: [:])
        #expect(loaded.instances.isEmpty)
        #expect(loaded.problems.isEmpty)

        try directory.write("bridge.toml", "plugin = \"exec\"\ntenant = \"acme\"\n[settings]\n\(Self.command)\n")
        loaded = PluginsDirectory.load(directory: directory.path, registry: BuiltinPlugins.registry, environment: [:])
        #expect(loaded.instances.map(\.id) == ["bridge"])
        #expect(loaded.problems.isEmpty)
    }

    @Test("a missing directory means no instances, not a problem")
    func missingDirectory() {
        let loaded = PluginsDirectory.load(
            directory: NSTemporaryDirectory() + "no-such-plugins-" + UUID().uuidString, registry: BuiltinPlugins.registry,
            environment: [:])
        #expect(loaded.instances.isEmpty)
        #expect(loaded.problems.isEmpty)
    }

    // MARK: Fingerprints

    static let baseFile = """
        ## Door bridge
        plugin = "exec"
        tenant = "acme"
        [settings]
        command = ["python3", "bridge.py"]
        max_line_bytes = 4096
        working_directory_env = "HUB_TEST_BRIDGE_DIR"
        [settings.config]
        watch = "/tmp/a.txt"
        echo = true

        """

    static func fingerprint(_ text: String, environment: [String: String] = ["HUB_TEST_BRIDGE_DIR": "/srv/a"], file: String = "door.toml") throws -> String {
        try PluginsDirectory.parse(file: file, text: text, registry: BuiltinPlugins.registry, environment: environment).fingerprint
    }

    @Test("the fingerprint stays the same when only form changes")
    func fingerprintStable() throws {
        let base = try Self.fingerprint(Self.baseFile)
        #expect(try Self.fingerprint(Self.baseFile) == base)
        let reformatted = """
            # comments and layout do not matter
            tenant   = "acme"
            plugin = "exec"   # the kind

            [settings.config]
            echo = true
            watch = "/tmp/a.txt"

            [settings]
            working_directory_env = "HUB_TEST_BRIDGE_DIR"
            max_line_bytes = 4_096
            command = [
              "python3",
              "bridge.py",
            ]
            """
        #expect(try Self.fingerprint(reformatted) == base)
        #expect(try Self.fingerprint(Self.baseFile, file: "/elsewhere/door.toml") == base)
        // Writing the runtime defaults out is the same as leaving them out.
        let explicitDefaults = Self.baseFile.replacingOccurrences(
            of: "tenant = \"acme\"\n", with: "tenant = \"acme\"\nenabled = true\nlog_level = \"info\"\n")
        #expect(try Self.fingerprint(explicitDefaults) == base)
        // A secret through the environment fingerprints like the same value written in the file.
        let inline = Self.baseFile.replacingOccurrences(
            of: "working_directory_env = \"HUB_TEST_BRIDGE_DIR\"", with: "working_directory = \"/srv/a\"")
        #expect(try Self.fingerprint(inline, environment: [:]) == base)
    }

    @Test("the fingerprint changes when anything configured changes", arguments: [
        ("a setting", "max_line_bytes = 4096", "max_line_bytes = 8192"),
        ("the command", #"command = ["python3", "bridge.py"]"#, #"command = ["python3", "bridge2.py"]"#),
        ("a nested config value", "watch = \"/tmp/a.txt\"", "watch = \"/tmp/b.txt\""),
        ("a new setting", "max_line_bytes = 4096", "max_line_bytes = 4096\nforward_events = false"),
        ("the tenant", "tenant = \"acme\"", "tenant = \"globex\""),
        ("enabled", "tenant = \"acme\"", "tenant = \"acme\"\nenabled = false"),
        ("log_level", "tenant = \"acme\"", "tenant = \"acme\"\nlog_level = \"debug\""),
    ])
    func fingerprintChanges(what: String, from: String, to: String) throws {
        let edited = Self.baseFile.replacingOccurrences(of: from, with: to)
        #expect(edited != Self.baseFile)
        #expect(try Self.fingerprint(edited) != Self.fingerprint(Self.baseFile), "changing \(what)")
    }

    @Test("the fingerprint changes when a secret in the environment changes")
    func fingerprintFollowsSecret() throws {
        #expect(try Self.fingerprint(Self.baseFile, environment: ["HUB_TEST_BRIDGE_DIR": "/srv/b"]) != Self.fingerprint(Self.baseFile))
    }
}
