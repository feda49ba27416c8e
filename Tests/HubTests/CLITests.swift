import Foundation
@testable import Hub
import HubCore
import Testing

/// The `hub` binary's configuration, plugin, token and seed commands, run as a process.
@Suite("hub command line")
struct CLITests {
    static let validInstance = """
        plugin = "exec"
        tenant = "acme"
        [settings]
        command = ["python3", "\(RepositoryFiles.presenceBridge)"]

        """

    @Test("check-config exits 0 on a valid plugins directory")
    func checkConfigValid() throws {
        let directory = try ScratchDirectory("cli")
        defer { directory.remove() }
        let bridge = try directory.write("bridge.toml", Self.validInstance)
        try directory.write("spare.toml", Self.validInstance.replacingOccurrences(of: "tenant = \"acme\"", with: "tenant = \"acme\"\nenabled = false"))
        try directory.write("exec.toml.sample", "not = [toml")
        let (status, output) = try HubProcess.run(["check-config", "--plugins", directory.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("ok    \(bridge): exec for tenant acme\n"), "\(output)")
        #expect(output.contains("ok    \(directory.file("spare.toml")): exec for tenant acme (disabled)"), "\(output)")
        #expect(output.contains("configuration is valid (2 plugin instance(s))"), "\(output)")
        #expect(!output.contains("error"), "\(output)")
    }

    @Test("check-config exits 1 with one `error <file>: <key>: …` line per problem")
    func checkConfigInvalid() throws {
        let directory = try ScratchDirectory("cli")
        defer { directory.remove() }
        try directory.write("bridge.toml", Self.validInstance)
        let lobby = try directory.write("lobby.toml", Self.validInstance + "bauds = 9600\n")
        let limits = try directory.write("limits.toml", Self.validInstance + "max_line_bytes = 10\n")
        let secret = try directory.write(
            "secret.toml", Self.validInstance + "working_directory_env = \"HUB_CLI_TEST_UNSET_VARIABLE\"\n")
        var environment = ProcessInfo.processInfo.environment
        environment["HUB_CLI_TEST_UNSET_VARIABLE"] = nil
        let (status, output) = try HubProcess.run(["check-config", "--plugins", directory.path], environment: environment)
        #expect(status == 1, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("error ") }
        #expect(errors.count == 3, "\(output)")
        #expect(errors.contains { $0.hasPrefix("error \(lobby): settings.bauds: unknown key") }, "\(output)")
        #expect(errors.contains { $0.hasPrefix("error \(limits): misconfigured: settings.max_line_bytes: must be between 256 and") }, "\(output)")
        #expect(errors.contains { $0 == "error \(secret): settings.working_directory_env: environment variable HUB_CLI_TEST_UNSET_VARIABLE is not set" }, "\(output)")
        #expect(lines.contains("ok    \(directory.file("bridge.toml")): exec for tenant acme"), "\(output)")
        #expect(!output.contains("configuration is valid"))

        // `plugins check` is the same check.
        let (checkStatus, checkOutput) = try HubProcess.run(["plugins", "check", "--plugins", directory.path], environment: environment)
        #expect(checkStatus == 1)
        #expect(checkOutput.contains("error \(lobby): settings.bauds: unknown key"), "\(checkOutput)")

        // The secret, once in the environment, is all that file needed.
        environment["HUB_CLI_TEST_UNSET_VARIABLE"] = directory.path
        try directory.delete("lobby.toml")
        try directory.delete("limits.toml")
        let (fixedStatus, fixedOutput) = try HubProcess.run(["check-config", "--plugins", directory.path], environment: environment)
        #expect(fixedStatus == 0, "\(fixedOutput)")
    }

    @Test("check-config exits 1 for a directory that does not exist")
    func checkConfigMissingDirectory() throws {
        let missing = NSTemporaryDirectory() + "no-plugins-" + UUID().uuidString
        let (status, output) = try HubProcess.run(["check-config", "--plugins", missing])
        #expect(status == 1)
        #expect(output.contains("error \(missing): no such directory"), "\(output)")
    }

    @Test("plugins list names every built-in kind with its roles, exec among them")
    func pluginsList() throws {
        let (status, output) = try HubProcess.run(["plugins", "list"])
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == BuiltinPlugins.factories.count, "\(output)")
        let exec = try #require(lines.first { $0.hasPrefix("exec\t") }, "\(output)")
        let columns = exec.split(separator: "\t").map(String.init)
        #expect(columns.count == 3)
        #expect(columns.dropFirst().first == "event_observer,presence_source")
        #expect(columns.last?.isEmpty == false)
    }

    @Test("plugins sample prints exactly the shipped sample file", arguments: BuiltinPlugins.factories.map(\.descriptor.kind))
    func pluginsSample(kind: String) throws {
        let (status, output) = try HubProcess.run(["plugins", "sample", kind])
        #expect(status == 0, "\(output)")
        let shipped = try String(contentsOfFile: RepositoryFiles.sampleFile(kind: kind), encoding: .utf8)
        #expect(output == shipped)
    }

    @Test("plugins sample of an unknown kind fails and names the known kinds")
    func pluginsSampleUnknown() throws {
        let (status, output) = try HubProcess.run(["plugins", "sample", "nope"])
        #expect(status != 0)
        #expect(output.contains("unknown kind 'nope'"), "\(output)")
        #expect(output.contains("known: \(BuiltinPlugins.registry.kinds.joined(separator: ", "))"), "\(output)")
    }

    @Test("token create with an unknown role fails and lists the roles")
    func tokenBadRole() throws {
        let data = try ScratchDirectory("cli-data")
        defer { data.remove() }
        let (status, output) = try HubProcess.run(["token", "create", "--data-dir", data.path, "--tenant", "acme", "--role", "wizard"])
        #expect(status != 0)
        #expect(output.contains("--role: one of \(TokenRole.allCases.map(\.rawValue).joined(separator: ", "))"), "\(output)")
        #expect(output.contains("hub_admin, main_admin, supervisor, operator, reporting, user, service"), "\(output)")
    }

    @Test("seed loads the demo tenant once; the second run changes nothing; tokens work on it")
    func seedIsIdempotent() throws {
        let data = try ScratchDirectory("cli-data")
        defer { data.remove() }
        let first = try HubProcess.run(["seed", "--data-dir", data.path, "samples/demo/tenant.json"])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("loaded tenant 'acme' from samples/demo/tenant.json"), "\(first.output)")
        let token = try #require(first.output.firstMatch(of: /demo token \(main_admin of acme\): (\S+)/)?.1, "\(first.output)")

        let second = try HubProcess.run(["seed", "--data-dir", data.path, "samples/demo/tenant.json"])
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("tenant 'acme' already present; nothing changed"), "\(second.output)")
        #expect(!second.output.contains("loaded tenant 'acme'"), "\(second.output)")
        #expect(second.output.contains("demo token (main_admin of acme): \(token)"), "\(second.output)")

        let service = try HubProcess.run(["token", "create", "--data-dir", data.path, "--tenant", "acme", "--role", "service"])
        #expect(service.status == 0, "\(service.output)")
        #expect(!service.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let stranger = try HubProcess.run(["token", "create", "--data-dir", data.path, "--tenant", "initech", "--role", "service"])
        #expect(stranger.status != 0)
        #expect(stranger.output.contains("no tenant 'initech'"), "\(stranger.output)")
    }
}
