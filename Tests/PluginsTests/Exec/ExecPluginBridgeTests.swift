import ExecPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Logging
import Testing

/// End to end against the real Python sample, samples/plugins/presence_bridge.py.
@Suite("ExecPlugin with the Python bridge")
struct ExecPluginBridgeTests {
    @Test("the child receives hello with instance, tenant and protocol")
    func hello() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let harness = try ExecHarness(.bridge(["watch": .string(directory.path("presence.txt"))]))
        harness.start()
        defer { harness.cancel() }
        let entry = try await harness.waitForLog("hello: instance=exec-test tenant=acme protocol=1")
        #expect(entry.level == .info)
        #expect(entry.metadata["child.stream"] == "stderr")
        #expect(harness.plugin.statistics.starts == 1)
    }

    @Test("a presence line becomes an output, and the ack goes back to the child")
    func presenceAndAck() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.file("presence.txt", "")
        let sink = RecordingSink { output in
            guard case let .presence(user, _) = output else { return .applied }
            return user == "ben" ? .rejected("unknown user 'ben'") : .applied
        }
        let harness = try ExecHarness(
            .bridge(["watch": .string(directory.path("presence.txt")), "source": "calendar"]), sink: sink)
        harness.start()
        defer { harness.cancel() }
        try await harness.waitForLog("following")
        let before = Date()
        try directory.append("anna.virtanen in_meeting 45 Quarterly review\nben at_lunch\n", to: "presence.txt")

        let outputs = try await sink.waitForOutputs(count: 2)
        guard case let .presence(user, update) = outputs[0] else { return }
        #expect(user == "anna.virtanen")
        #expect(update.activity == "in_meeting")
        #expect(update.note == .set("Quarterly review"))
        #expect(update.source == .calendar)
        let ends = try #require(update.endsAt)
        #expect(abs(ends.timeIntervalSince(before) - 45 * 60) < 5)
        #expect(update.until == .set(ends))
        #expect(outputs[1] == .presence("ben", PresenceUpdate(activity: "at_lunch", source: .calendar, occurredAt: outputs[1].occurredAt)))

        let applied = try await harness.waitForLog("ack id=1 result=applied")
        #expect(applied.level == .debug)
        let rejected = try await harness.waitForLog("ack id=2 result=rejected reason=unknown user 'ben'")
        #expect(rejected.level == .warning)
        #expect(harness.plugin.statistics.acksSent == 2)
        #expect(harness.plugin.statistics.presenceSubmitted == 2)
        #expect(harness.result == nil)
    }

    @Test("hub events of the tenant reach the child; other tenants' do not")
    func events() async throws {
        let harness = try ExecHarness(.bridge(["echo": true]))
        harness.start()
        defer { harness.cancel() }
        try await harness.waitForLog("only listening to the hub")
        try await waitUntil("subscription") { harness.feed.subscriberCount == 1 }
        let at = Date(timeIntervalSince1970: 1_777_887_000)
        let after = Presence(activity: "in_meeting", source: .calendar, changedAt: at)
        let change = PresenceChange(user: "anna.virtanen", before: nil, after: after, source: .calendar, at: at, reason: .update)
        harness.feed.publish(HubEvent(sequence: 1, tenant: "globex", at: at, payload: .userChanged("not.ours")))
        harness.feed.publish(HubEvent(sequence: 2, tenant: "acme", at: at, payload: .presenceChanged(change)))

        let echoed = try await harness.waitForLog(#"hub: {"at":"2026-05-04T09:30:00Z","presence""#)
        #expect(echoed.metadata["child.stream"] == "stdout")
        #expect(echoed.message.contains(#""sequence":2"#))
        try await harness.waitForLog("anna.virtanen is now in_meeting (calendar)")
        #expect(harness.logs.entries(containing: "not.ours").isEmpty)
        #expect(harness.plugin.statistics.eventsForwarded == 1)
    }

    @Test("with forward_events off the child gets hello only")
    func noEvents() async throws {
        var settings = ExecPlugin.Settings.bridge(["echo": true])
        settings.forwardEvents = false
        let harness = try ExecHarness(settings)
        harness.start()
        defer { harness.cancel() }
        try await harness.waitForLog("only listening to the hub")
        #expect(harness.feed.subscriberCount == 0)
    }

    @Test("cancellation stops the child promptly")
    func cancellation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pidFile = directory.path("pid")
        let launcher = try directory.script("launch.sh", "echo $$ > '\(pidFile)'\nexec python3 '\(Paths.presenceBridge)'")
        let harness = try ExecHarness(ExecPlugin.Settings(command: [launcher]))
        harness.start()
        try await harness.waitForLog("hello:")
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == 0)
        let clock = ContinuousClock()
        let start = clock.now
        harness.cancel()
        let error = try await harness.waitForEnd(timeout: .seconds(3))
        #expect(clock.now - start < .seconds(2))
        #expect(error is CancellationError)
        #expect(kill(pid, 0) == -1)
    }
}

extension PluginOutput {
    /// The occurred-at time of a presence output (set by the child, so tests copy it).
    var occurredAt: Date? {
        if case let .presence(_, update) = self { update.occurredAt } else { nil }
    }
}
