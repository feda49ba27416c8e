import AccessControlPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Synchronization
import Testing

/// The plugin reading a real pseudo-terminal pair made by socat (as a USB serial adapter would appear).
@Suite("Access control: stamps over a socat PTY pair", .timeLimit(.minutes(1)))
struct AccessControlPTYTests {
    static let users = [
        User(id: "anna", firstName: "Anna", lastName: "Virtanen", profile: .desktop, badgeIDs: ["00A1B2C3"]),
        User(id: "bertil", firstName: "Bertil", lastName: "Lindqvist", profile: .desktop, badgeIDs: ["0001234568"]),
        User(id: "carl", firstName: "Carl", lastName: "Nyström", profile: .desktop, badgeIDs: ["021"]),
    ]

    /// A running plugin instance on `pair`'s hub end with a recording sink.
    struct Running {
        let plugin: AccessControlPlugin
        let sink: RecordingSink
        let logs: LogRecorder
        let status: StatusRecorder
        let task: Task<Void, any Error>

        init(port: String, preset: String, extra: [String: Any] = [:]) throws {
            sink = RecordingSink()
            logs = LogRecorder()
            status = StatusRecorder()
            let base = PluginContext.testing(
                instanceID: "lobby", logger: logs.logger(), sink: sink, directory: InMemoryDirectory(users: AccessControlPTYTests.users))
            let context = PluginContext(
                instanceID: base.instanceID, tenant: base.tenant, logger: base.logger, clock: base.clock, sink: base.sink,
                directory: base.directory, state: base.state, subscribe: base.subscribe, status: status)
            var settings: [String: Any] = [
                "port": port, "preset": preset, "time_zone": "UTC", "reopen_initial_delay": "50ms", "reopen_max_delay": "200ms",
            ]
            settings.merge(extra) { _, new in new }
            let made = try AccessControlPlugin.factory.make(settings: try DictionarySettingsSource(settings), context: context)
            let plugin = try #require(made as? AccessControlPlugin)
            self.plugin = plugin
            task = Task { try await plugin.run(context: context) }
        }

        func waitOpen() async throws {
            try await waitUntil(timeout: .seconds(10), "port open (\(plugin.link))") { plugin.link.state == .open }
        }

        func stop() async {
            task.cancel()
            _ = await task.result
        }

        /// The presence outputs so far, as (user, activity, noteIfEmpty).
        var presence: [(UserID, ActivityID?, String?)] {
            sink.outputs.compactMap { output in
                if case let .presence(user, update) = output { (user, update.activity, update.noteIfEmpty) } else { nil }
            }
        }
    }

    @Test("stamps written on the device end become presence updates for the badge's user, through libserialport's refusal to termios")
    func stampsBecomeUpdates() async throws {
        let pair = try SocatPair()
        try await pair.start()
        let running = try Running(port: pair.hubEnd, preset: "semicolon")
        defer { running.task.cancel() }
        try await running.waitOpen()
        #expect(running.plugin.link.detail.hasPrefix("termios "), "auto falls back to termios on a PTY: \(running.plugin.link)")

        try pair.write("LUNCH;0001234568;2026-11-25 11:30:00;2026-11-25 12:15:00\r\nIN;0010597059\r\n")
        _ = try await running.sink.waitForOutputs(count: 1)
        let first = try #require(running.sink.outputs.first)
        guard case let .presence(user, update) = first else {
            Issue.record("\(first)")
            return
        }
        #expect(user == "bertil")
        #expect(update.activity == "at_lunch")
        #expect(update.noteIfEmpty == "Lunch")
        #expect(update.source == .accessControl)
        #expect(update.endsAt == ACSFixtures.date("2026-11-25 12:15:00"))
        // 0010597059 is anna's 00A1B2C3 in decimal, but the semicolon preset tries decimal forms only: unknown.
        try await waitUntil("the unknown badge to be counted") { running.plugin.statistics[.unknownBadge] == 1 }

        // Garbage, a half line, an unknown function and a duplicate: counted, and the reader keeps going.
        try pair.write([0xF8, 0x80, 0x00, 0xFE])
        try pair.write("\r\nCOFFEE;0001234568\r\nOUT;00012")
        try await Task.sleep(for: .milliseconds(50))
        try pair.write("34568\r\nOUT;0001234568\r\n")
        _ = try await running.sink.waitForOutputs(count: 2)
        try await waitUntil("counters") { running.plugin.statistics.duplicates == 1 }
        let statistics = running.plugin.statistics
        #expect(statistics[.garbage] == 1)
        #expect(statistics[.unmappedFunction] == 1)
        #expect(statistics.applied == 2)
        #expect(statistics.opens == 1)
        #expect(running.presence.map(\.1) == ["at_lunch", "off_duty"])
        #expect(!running.logs.entries(containing: "function 'COFFEE' is not in functions").isEmpty)
        await running.stop()
        await pair.remove()
    }

    @Test("two-line Bosch D9131A records arriving in pieces become updates; a page header and a record without its event line are garbage")
    func twoLineRecords() async throws {
        let pair = try SocatPair()
        try await pair.start()
        let running = try Running(port: pair.hubEnd, preset: "bosch_d9131a")
        defer { running.task.cancel() }
        try await running.waitOpen()
        try pair.write("\u{0C}\r\nEVENT                ACCT AR  ID PT# TEXT\r\n11/25 07:58AM\r\n")
        try await Task.sleep(for: .milliseconds(50))
        try pair.write("Opening Report       1234 1  021 Carl Nystr")
        try await Task.sleep(for: .milliseconds(50))
        try pair.write("om\r\n11/25 08:00AM\r\n11/25 05:01PM\r\nClosing Report       1234 1  021 Carl Nystrom\r\n")
        _ = try await running.sink.waitForOutputs(count: 2)
        try await waitUntil("the garbage to be counted") { running.plugin.statistics[.garbage] == 2 }
        #expect(running.presence.map(\.0) == ["carl", "carl"])
        #expect(running.presence.map(\.1) == ["at_office", "off_duty"])
        #expect(running.plugin.statistics.applied == 2)
        #expect(!running.logs.entries(containing: "lines outside a complete record").isEmpty)
        await running.stop()
        await pair.remove()
    }

    @Test("the writer end is killed and re-created: the plugin notices, reopens with backoff and reads again")
    func recoversWhenPortComesBack() async throws {
        let pair = try SocatPair()
        try await pair.start()
        let running = try Running(port: pair.hubEnd, preset: "wiegand_hex", extra: ["duplicate_window": "0s"])
        defer { running.task.cancel() }
        try await running.waitOpen()
        try pair.write("A1B2C3\r")
        _ = try await running.sink.waitForOutputs(count: 1)

        await pair.kill()
        try await waitUntil("the loss to be seen") { running.plugin.link.state == .waiting }
        #expect(running.plugin.statistics.disconnects == 1)
        try await waitUntil("failed reopen attempts while the port is missing") { running.plugin.statistics.openFailures >= 2 }
        #expect(running.plugin.link.description.contains("attempt"))
        #expect(!running.logs.entries(containing: "port lost; reopening").isEmpty)

        try await pair.start()
        try await running.waitOpen()
        #expect(running.plugin.statistics.opens == 2)
        #expect(!running.logs.entries(containing: "port reopened").isEmpty)
        // The status detail followed the port: open, waiting with attempts, open again.
        let details = running.status.details.compactMap { $0 }
        #expect(details.first?.hasPrefix("opening: ") == true, "\(details)")
        #expect(details.contains { $0.hasPrefix("waiting: lost: ") }, "\(details)")
        #expect(details.contains { $0.hasPrefix("waiting: ") && $0.contains("(attempt 2, retry at ") }, "\(details)")
        #expect(details.last == "open: termios \(pair.hubEnd) 9600 8N1", "\(details)")
        try pair.write("A1B2C3\r")
        _ = try await running.sink.waitForOutputs(count: 2)
        #expect(running.presence.map(\.0) == ["anna", "anna"])
        #expect(running.plugin.statistics.bytesRead == 14)
        await running.stop()
        await pair.remove()
    }

    @Test("a port that does not exist yet keeps the instance waiting, not failed; cancellation ends run promptly")
    func missingPortWaits() async throws {
        let pair = try SocatPair()
        let running = try Running(port: pair.hubEnd, preset: "wiegand_hex")
        try await waitUntil("attempts") { running.plugin.statistics.openFailures >= 2 }
        #expect(running.plugin.link.state == .waiting)
        #expect(running.plugin.link.detail.contains("No such file"), "\(running.plugin.link)")
        let clock = ContinuousClock()
        let started = clock.now
        await running.stop()
        #expect(clock.now - started < .seconds(1))
        await pair.remove()
    }
}

/// Records the status details a plugin reports.
final class StatusRecorder: PluginStatusReporter {
    private let storage = Mutex<[String?]>([])
    /// Every report, in order.
    var details: [String?] { storage.withLock { $0 } }
    func report(detail: String?) { storage.withLock { $0.append(detail) } }
}
