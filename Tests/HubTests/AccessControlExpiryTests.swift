import Clocks
import Foundation
@testable import Hub
import HubCore
import HubPluginTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The `access_control_serial` kind inside the hub runtime, reading a socat PTY pair, with the engine on
/// the manual clock: stamps set presence, expire exactly at their end, and respect later manual changes
/// (SPEC INT-ACS, PRES-8).
@Suite("Access control through the engine on the manual clock (INT-ACS, PRES-8)", .timeLimit(.minutes(1)))
struct AccessControlExpiryTests {
    /// A plugins directory with one instance reading a fresh socat PTY pair.
    struct Line {
        let pty: ACSPseudoTerminal
        let plugins: String

        init(preset: String = "semicolon", extra: String = "") async throws {
            pty = try ACSPseudoTerminal()
            try await pty.start()
            plugins = pty.folder + "/plugins.d"
            try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
            let instance = """
                plugin = "access_control_serial"
                tenant = "acme"
                [settings]
                port = "\(pty.hubEnd)"
                preset = "\(preset)"
                time_zone = "UTC"
                \(extra)

                """
            try instance.write(toFile: plugins + "/lobby.toml", atomically: true, encoding: .utf8)
        }
    }

    private func presence(_ hub: TestHub, _ user: UserID = "anna") async throws -> PresenceView {
        try await hub.engine.presence(tenant: "acme", user: user, viewer: nil)
    }

    /// Starts the instance and waits until the plugin has its port open (the supervisor reports running).
    private func start(_ line: Line) async throws -> TestHub {
        let hub = try await TestHub.make(pluginsDirectory: line.plugins)
        #expect(await hub.runtime.supervisor.reload().isEmpty)
        let board = hub.services.plugins
        try await waitUntil("the instance to run") { board.status("lobby")?.state == .running }
        return hub
    }

    /// Writes a stamp and waits (real time) until anna's presence satisfies `condition`.
    private func stamp(_ text: String, on line: Line, hub: TestHub, until condition: @escaping (PresenceView) -> Bool) async throws {
        // The port may still be opening when the instance is reported running; data written now is kept
        // by the PTY and read when it opens.
        try line.pty.write(text)
        let engine = hub.engine
        try await waitUntil(timeout: .seconds(10), "presence after '\(text)'") {
            condition(try await engine.presence(tenant: "acme", user: "anna", viewer: nil))
        }
    }

    /// Runs the timer wheel, advances the clock and waits until the wheel has processed the deadline.
    private func advance(_ hub: TestHub, by seconds: Int) async {
        let timerWheel = hub.runtime.timerWheel
        let wheel = Task { try await timerWheel.run() }
        await Task.megaYieldForTests()
        await hub.clock.advance(by: .seconds(seconds))
        await Task.megaYieldForTests()
        wheel.cancel()
        _ = await wheel.result
    }

    @Test("a LUNCH stamp sets at_lunch with the note, and at its end presence returns to available with the note cleared")
    func stampExpires() async throws {
        let line = try await Line()
        defer { Task { await line.pty.remove() } }
        let hub = try await start(line)
        defer { hub.cleanUp() }
        try await stamp("LUNCH;B-ANNA\r\n", on: line, hub: hub) { $0.activity == "at_lunch" }
        let lunch = try await presence(hub)
        #expect(lunch.note == "Lunch")
        #expect(lunch.source == .accessControl)
        #expect(lunch.until == TestHub.epoch.addingTimeInterval(45 * 60))
        // The instance's status carries the plugin's own account of its port.
        let detail = hub.services.plugins.status("lobby")?.detail ?? ""
        #expect(detail.hasPrefix("open: termios \(line.pty.hubEnd)"), "\(detail)")

        await advance(hub, by: 45 * 60 - 1)
        #expect(try await presence(hub).activity == "at_lunch")
        await advance(hub, by: 1)
        let after = try await presence(hub)
        #expect(after.activity == "available")
        #expect(after.note == "")
        #expect(after.until == nil)
        #expect(after.changedAt == TestHub.epoch.addingTimeInterval(45 * 60))
        await hub.runtime.supervisor.stopAll()
    }

    @Test("the user changes presence after the stamp: the end time passes and nothing is reverted")
    func userChangedSince() async throws {
        let line = try await Line()
        defer { Task { await line.pty.remove() } }
        let hub = try await start(line)
        defer { hub.cleanUp() }
        try await stamp("LUNCH;B-ANNA\r\n", on: line, hub: hub) { $0.activity == "at_lunch" }
        await advance(hub, by: 60)
        _ = try await hub.engine.setPresence(
            tenant: "acme", user: "anna", update: PresenceUpdate(activity: "in_meeting", source: .user), actor: "test", audited: false)
        await advance(hub, by: 45 * 60)
        let presence = try await presence(hub)
        #expect(presence.activity == "in_meeting")
        #expect(presence.source == .user)
        await hub.runtime.supervisor.stopAll()
    }

    @Test("the stamp text goes into the note only if the note is empty; the revert leaves the user's note alone")
    func noteOnlyIfEmpty() async throws {
        let line = try await Line()
        defer { Task { await line.pty.remove() } }
        let hub = try await start(line)
        defer { hub.cleanUp() }
        _ = try await hub.engine.setPresence(
            tenant: "acme", user: "anna", update: PresenceUpdate(note: .set("Back at 14"), source: .user), actor: "test", audited: false)
        await advance(hub, by: 10)
        try await stamp("LUNCH;B-ANNA\r\n", on: line, hub: hub) { $0.activity == "at_lunch" }
        #expect(try await presence(hub).note == "Back at 14")
        await advance(hub, by: 45 * 60)
        let after = try await presence(hub)
        #expect(after.activity == "available")
        #expect(after.note == "Back at 14")
        await hub.runtime.supervisor.stopAll()
    }

    @Test("a stamp that happened before the user's last manual change is ignored (PRES-8); a later one applies")
    func olderStampIgnored() async throws {
        let line = try await Line()
        defer { Task { await line.pty.remove() } }
        let hub = try await start(line)
        defer { hub.cleanUp() }
        _ = try await hub.engine.setPresence(
            tenant: "acme", user: "anna", update: PresenceUpdate(activity: "busy", source: .user), actor: "test", audited: false)
        // Stamped at 23:59 the day before (buffered in the terminal), read after the manual change.
        try line.pty.write("IN;B-ANNA;2026-11-19 23:59:00\r\n")
        try line.pty.write("OUT;B-ANNA;2026-11-19 23:59:30\r\n")
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await presence(hub).activity == "busy")
        await advance(hub, by: 60)
        try await stamp("IN;B-ANNA;2026-11-20 00:00:30\r\n", on: line, hub: hub) { $0.activity == "at_office" }
        #expect(try await presence(hub).source == .accessControl)
        await hub.runtime.supervisor.stopAll()
    }
}

/// A socat pseudo-terminal pair for hub tests: the access-control system writes `deviceEnd`, the plugin
/// reads `hubEnd`. Fails with a message naming `make test` when socat is missing.
final class ACSPseudoTerminal: @unchecked Sendable {
    let folder: String
    let deviceEnd: String
    let hubEnd: String
    private var process: Process?

    init() throws {
        folder = NSTemporaryDirectory() + "hubtest-acs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        deviceEnd = folder + "/ttyACS"
        hubEnd = folder + "/ttyHUB"
    }

    func start() async throws {
        let socat = try #require(
            ["/usr/bin/socat", "/usr/local/bin/socat"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "socat is missing: `make test` installs it (scripts/install-deps.sh test)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: socat)
        process.arguments = ["pty,raw,echo=0,link=\(deviceEnd)", "pty,raw,echo=0,link=\(hubEnd)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        for _ in 0..<500 {
            if FileManager.default.fileExists(atPath: deviceEnd), FileManager.default.fileExists(atPath: hubEnd) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw POSIXError(.ETIMEDOUT)
    }

    func write(_ text: String) throws {
        let fd = open(deviceEnd, O_WRONLY | O_NOCTTY)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw POSIXError(.EIO) }
    }

    func remove() async {
        if let process, process.isRunning {
            // SIGKILL: children of the test runner inherit its blocked signals, so socat would ignore SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            for _ in 0..<300 where process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        }
        process = nil
        try? FileManager.default.removeItem(atPath: folder)
    }
}
