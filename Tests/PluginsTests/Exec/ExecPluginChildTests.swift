import ExecPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Logging
import Testing

/// End to end with small bash children that misbehave on purpose.
@Suite("ExecPlugin with odd children")
struct ExecPluginChildTests {
    static let valid = #"{"type":"presence","id":"ok","user":"anna.virtanen","activity":"away"}"#

    @Test("garbage is counted, logged rate-limited, and the plugin keeps running")
    func garbage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let long = String(repeating: "x", count: 5000)
        let script = try directory.script(
            "garbage.sh",
            """
            for i in $(seq 200); do echo "not json $i"; done
            printf '\\x00\\xff\\xfe garbage\\r\\n'
            echo '[1,2,3]'
            echo '{"type":"status","ok":true}'
            echo '{"type":"presence","id":5,"user":"Anna V","activity":"away"}'
            echo '{"type":"presence","user":"\(long)","activity":"away"}'
            echo ''
            echo '\(Self.valid)'
            while read -r line; do echo "I! got $line" >&2; done
            """)
        var settings = ExecPlugin.Settings(command: [script])
        settings.maxLineBytes = 1024
        settings.maxLinesPerSecond = 10_000
        let harness = try ExecHarness(settings)
        harness.start()
        defer { harness.cancel() }

        let outputs = try await harness.sink.waitForOutputs(count: 1)
        #expect(outputs == [.presence("anna.virtanen", PresenceUpdate(activity: "away", source: .apiClient))])
        try await harness.waitForLog(#"got {"id":5,"reason":"\"user\" 'Anna V' must be"#)
        try await harness.waitForLog(#"got {"id":"ok","result":"applied","type":"ack"}"#)
        let statistics = harness.plugin.statistics
        #expect(statistics[.notJSON] == 202)
        #expect(statistics[.unknownType] == 1)
        #expect(statistics[.invalidMessage] == 1)
        #expect(statistics[.overlongLine] == 1)
        #expect(statistics.linesRead == 206)
        #expect(harness.result == nil)
        let warnings = harness.logs.entries.filter { $0.level == .warning && $0.message.hasPrefix("program stdout") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.metadata["line"] == "not json 1")
    }

    @Test("a flooding child is limited to max_lines_per_second")
    func flood() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.script(
            "flood.sh", "for i in $(seq 5000); do echo '\(Self.valid)'; done\nexec sleep 30")
        var settings = ExecPlugin.Settings(command: [script])
        settings.maxLinesPerSecond = 50
        let harness = try ExecHarness(settings)
        let clock = ContinuousClock()
        let start = clock.now
        harness.start()
        defer { harness.cancel() }
        try await waitUntil("the flood to be read") { harness.plugin.statistics.linesRead == 5000 }
        let elapsed = (clock.now - start) / .seconds(1)
        let statistics = harness.plugin.statistics
        #expect(statistics.presenceSubmitted >= 50)
        #expect(Double(statistics.presenceSubmitted) <= 50 + 50 * elapsed + 1)
        #expect(statistics[.flooded] == 5000 - statistics.presenceSubmitted)
        let warnings = harness.logs.entries.filter { $0.message.contains("max_lines_per_second") }
        #expect(warnings.count == 1)
        #expect(harness.result == nil)
    }

    @Test("stderr lines are logged with their prefix's level, others with stderr_level")
    func stderrLevels() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.script(
            "stderr.sh",
            """
            echo 'E! disk full' >&2
            echo 'W! slow' >&2
            echo 'D! tick' >&2
            echo '{"level":"warn","msg":"json form"}' >&2
            echo 'plain words' >&2
            echo '{"type":"log","level":"notice","message":"via stdout"}'
            exec sleep 30
            """)
        var settings = ExecPlugin.Settings(command: [script])
        settings.stderrLevel = "info"
        let harness = try ExecHarness(settings)
        harness.start()
        defer { harness.cancel() }
        try await harness.waitForLog("plain words")
        try await harness.waitForLog("via stdout")
        func level(_ text: String) -> Logger.Level? { harness.logs.entries(containing: text).first?.level }
        #expect(level("disk full") == .error)
        #expect(level("slow") == .warning)
        #expect(level("tick") == .debug)
        #expect(level("json form") == .warning)
        #expect(level("plain words") == .info)
        #expect(level("via stdout") == .notice)
        #expect(harness.plugin.statistics.stderrLines == 5)
        #expect(harness.plugin.statistics.logMessages == 1)
    }

    @Test("a child that exits makes run throw unavailable with its status")
    func exits() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.script("exit.sh", "read -r hello\necho \"E! giving up after $hello\" >&2\nexit 3")
        let harness = try ExecHarness(ExecPlugin.Settings(command: [script]))
        harness.start()
        let error = try await harness.waitForEnd()
        guard case let .unavailable(message)? = error as? PluginError else {
            Issue.record("expected unavailable, got \(String(describing: error))")
            return
        }
        #expect(message.contains("exited (status 3)"))
        let logged = try #require(harness.logs.entries(containing: "giving up").first)
        #expect(logged.level == .error)
        #expect(logged.message.contains(#""type":"hello""#))
    }

    @Test("a child killed by a signal is unavailable too")
    func signalled() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.script("kill.sh", "kill -KILL $$")
        let harness = try ExecHarness(ExecPlugin.Settings(command: [script]))
        harness.start()
        let error = try await harness.waitForEnd()
        #expect((error as? PluginError) == .unavailable("program '\(script)' exited (signal 9)"))
    }

    @Test("a child that ignores SIGTERM is killed after stop_grace_period")
    func stubborn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.script("stubborn.sh", "trap '' TERM\necho 'I! ready' >&2\nwhile true; do sleep 0.05; done")
        var settings = ExecPlugin.Settings(command: [script])
        settings.stopGracePeriod = DurationSetting(.milliseconds(300))
        let harness = try ExecHarness(settings)
        harness.start()
        try await harness.waitForLog("ready")
        let clock = ContinuousClock()
        let start = clock.now
        harness.cancel()
        let error = try await harness.waitForEnd(timeout: .seconds(3))
        let elapsed = clock.now - start
        #expect(error is CancellationError)
        #expect(elapsed >= .milliseconds(250))
        #expect(elapsed < .seconds(2))
    }

    @Test("a child that never reads stdin makes the hub drop messages, not grow a queue")
    func notReading() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.script("deaf.sh", "echo 'I! deaf' >&2\nexec sleep 30")
        let harness = try ExecHarness(ExecPlugin.Settings(command: [script]))
        harness.start()
        defer { harness.cancel() }
        try await harness.waitForLog("deaf")
        try await waitUntil("subscription") { harness.feed.subscriberCount == 1 }
        let at = Date(timeIntervalSince1970: 1_777_887_000)
        for sequence in 1...3000 {
            harness.feed.publish(HubEvent(sequence: UInt64(sequence), tenant: "acme", at: at, payload: .userChanged("ben")))
        }
        try await waitUntil("drops") { harness.plugin.statistics[.inputDropped] > 0 }
        try await harness.waitForLog("does not read its stdin")
        #expect(harness.result == nil)
        harness.cancel()
        #expect(try await harness.waitForEnd(timeout: .seconds(3)) is CancellationError)
    }
}
