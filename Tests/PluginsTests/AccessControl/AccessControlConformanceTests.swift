import AccessControlPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The conformance kit, and the reopen backoff on the manual clock.
@Suite("Access control: conformance and reopen backoff", .timeLimit(.minutes(1)))
struct AccessControlConformanceTests {
    @Test("the kind passes the conformance kit with its sample's settings, and refuses bad ones")
    func conformance() async throws {
        let report = await PluginConformance(
            factory: AccessControlPlugin.factory,
            sampleSettings: try DictionarySettingsSource([
                "port": "/dev/ttyUSB0", "preset": "time_clock_csv",
                "functions": ["1": ["activity": "at_office", "note": "In"], "3": ["activity": "at_lunch", "duration": "45m"]],
            ]),
            invalidSettings: [
                try DictionarySettingsSource(["preset": "semicolon"]),
                try DictionarySettingsSource(["port": "/dev/x", "preset": "nope"]),
                try DictionarySettingsSource(["port": "/dev/x", "preset": "semicolon", "pattern": "(?<card>.*)"]),
                try DictionarySettingsSource(["port": "/dev/x", "preset": "semicolon", "functions": ["IN": ["activity": "x", "colour": "red"]]]),
            ],
            requireRunning: true
        ).run()
        #expect(report.failures.isEmpty, "\(report.failures) (notes: \(report.notes))")
    }

    @Test("a missing port is retried on the injected clock: 1 s, then doubling with jitter up to reopen_max_delay")
    func backoffOnManualClock() async throws {
        let time = TestHubClock()
        let context = PluginContext.testing(clock: time.hubClock)
        let settings = try DictionarySettingsSource([
            "port": "/nonexistent/ttyACS", "preset": "wiegand_hex", "reopen_initial_delay": "1s", "reopen_max_delay": "4s",
        ])
        let plugin = try #require(try AccessControlPlugin.factory.make(settings: settings, context: context) as? AccessControlPlugin)
        let task = Task { try await plugin.run(context: context) }
        defer { task.cancel() }
        try await waitUntil("the first attempt") { plugin.link.state == .waiting }
        #expect(plugin.statistics.openFailures == 1)
        let first = try #require(plugin.link.retryAt)
        #expect(plugin.link.since == time.now)
        #expect(first.timeIntervalSince(time.now) <= 1 && first.timeIntervalSince(time.now) > 0.85)
        // Nothing happens while the clock stands still.
        try await Task.sleep(for: .milliseconds(100))
        #expect(plugin.statistics.openFailures == 1)
        var waits: [TimeInterval] = []
        for attempt in 2...5 {
            // The loop may not be asleep on the clock yet when the test advances it, so step until it moves on.
            try await waitUntil("attempt \(attempt)") {
                let link = plugin.link
                guard link.state == .waiting else { return false }
                if link.failedAttempts == attempt { return true }
                await time.advance(by: .milliseconds(500))
                return false
            }
            let link = plugin.link
            waits.append(try #require(link.retryAt).timeIntervalSince(try #require(link.since)))
            #expect(plugin.statistics.openFailures == attempt)
        }
        // Attempts 2...5 wait about 2, 4, 4, 4 seconds (jitter takes off at most 10 %).
        for (wait, base) in zip(waits, [2.0, 4, 4, 4]) { #expect(wait <= base && wait > base * 0.85, "\(waits)") }
        task.cancel()
        _ = await task.result
    }
}
