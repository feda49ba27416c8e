import ExecPlugin
import Foundation
import HubCore
import HubPluginTesting
import Testing

/// What happens when the program cannot be started.
@Suite("ExecPlugin start failures")
struct ExecPluginStartTests {
    func runError(_ settings: ExecPlugin.Settings) async throws -> PluginError? {
        let harness = try ExecHarness(settings)
        harness.start()
        return try await harness.waitForEnd() as? PluginError
    }

    @Test("a program not in PATH is misconfigured")
    func notInPath() async throws {
        let error = try await runError(ExecPlugin.Settings(command: ["no-such-program-7f3a"]))
        #expect(error == .misconfigured("settings.command: program 'no-such-program-7f3a' not found or not executable"))
    }

    @Test("a missing path is misconfigured")
    func missingPath() async throws {
        let error = try await runError(ExecPlugin.Settings(command: ["/nonexistent/bridge"]))
        guard case let .misconfigured(message)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("settings.command:"))
    }

    @Test("a file that is not executable is misconfigured")
    func notExecutable() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("plain.sh", "echo hi\n", permissions: 0o644)
        let error = try await runError(ExecPlugin.Settings(command: [path]))
        guard case let .misconfigured(message)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("settings.command:"))
    }

    @Test("a missing working directory is misconfigured")
    func missingDirectory() async throws {
        let error = try await runError(ExecPlugin.Settings(command: ["python3"], workingDirectory: "/nonexistent/dir"))
        guard case let .misconfigured(message)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("settings.working_directory:"))
    }

    @Test("a relative program path is taken from working_directory, and environment is passed")
    func relativeProgramAndEnvironment() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.script("child.sh", "echo \"I! cwd=$(pwd) greeting=$GREETING\" >&2\nexec sleep 30")
        let harness = try ExecHarness(
            ExecPlugin.Settings(command: ["./child.sh"], workingDirectory: directory.url.path, environment: ["GREETING": "moi"]))
        harness.start()
        defer { harness.cancel() }
        let resolved = directory.url.resolvingSymlinksInPath().path
        let entry = try await harness.waitForLog("greeting=moi")
        #expect(entry.message == "cwd=\(resolved) greeting=moi" || entry.message == "cwd=\(directory.url.path) greeting=moi")
    }
}
