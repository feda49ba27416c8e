import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// Minutes after the test clock's epoch (Monday 2026-05-04 09:00 UTC).
private func at(_ minutes: Double) -> Date { TestHubClock.defaultEpoch.addingTimeInterval(minutes * 60) }

private func meeting(
    _ id: String, _ from: Double, _ to: Double, _ showAs: CalendarBlock.ShowAs = .busy, cancelled: Bool = false,
    sensitivity: CalendarBlock.Sensitivity = .normal, subject: String? = nil
) -> CalendarBlock {
    CalendarBlock(id: id, start: at(from), end: at(to), showAs: showAs, sensitivity: sensitivity, isCancelled: cancelled, subject: subject)
}

private func user(_ id: String, _ calendar: String) -> User {
    User(id: UserID(id), firstName: id, lastName: "Test", profile: .desktop, calendar: calendar)
}

/// The engine wired to fakes and a manual clock; `stop()` cancels it and waits.
private final class SyncHarness: Sendable {
    let time: TestHubClock
    let source: CalendarSyncFakeSource
    let sink: RecordingSink
    let directory: InMemoryDirectory
    let state: InMemoryStateStore
    let events = EventFeed()
    let engine: CalendarSyncEngine
    let task: Task<Void, any Error>

    init(
        users: [User], source: CalendarSyncFakeSource = CalendarSyncFakeSource(), state: InMemoryStateStore = InMemoryStateStore(),
        options: CalendarSyncOptions = CalendarSyncOptions(jitter: 0, startSpread: .zero), hub: CalendarSyncPresenceHub? = nil,
        respond: @escaping @Sendable (PluginOutput) -> PluginOutputResult = { _ in .applied }
    ) {
        let time = TestHubClock()
        self.time = time
        self.source = source
        self.state = state
        // With a hub, outputs are applied to a real presence engine at the test clock's time.
        if let hub {
            sink = RecordingSink { output in hub.submit(output, at: time.now) }
        } else {
            sink = RecordingSink(respond: respond)
        }
        directory = InMemoryDirectory(users: users)
        let engine = CalendarSyncEngine(source: source, options: options)
        self.engine = engine
        let context = PluginContext.testing(clock: time.hubClock, sink: sink, directory: directory, state: state, events: events)
        task = Task { try await engine.run(context: context) }
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    func status(_ user: UserID) -> CalendarSyncStatus? {
        state.values[CalendarSyncKeys.status(user)].flatMap { try? JSONDecoder().decode(CalendarSyncStatus.self, from: Data($0.utf8)) }
    }

    /// Waits (real time) until `user`'s mailbox has been read `count` times in total.
    func waitForReads(_ address: String, _ count: Int) async throws {
        try await waitUntil("\(count) reads of \(address) (have \(source.requests(for: address).count))") {
            source.requests(for: address).count >= count
        }
    }

    /// Waits until a read of `user` at or after `since` (default: now) is recorded with `state`.
    func waitForStatus(_ user: UserID, _ wanted: CalendarSyncStatus.State, since: Date? = nil) async throws {
        let now = since ?? time.now
        try await waitUntil("status \(wanted) of \(user)") { status(user).map { $0.state == wanted && $0.lastAttempt >= now } ?? false }
    }

    /// Gives the engine's tasks real time to act (for checking that something does NOT happen).
    func settle() async throws { try await Task.sleep(for: .milliseconds(150)) }

    func presence(_ index: Int) -> PresenceUpdate? {
        let outputs = sink.outputs
        guard outputs.indices.contains(index), case let .presence(_, update) = outputs[index] else { return nil }
        return update
    }
}

private func setting(_ activity: ActivityID, from: Double, until: Double, note: String? = nil) -> PresenceUpdate {
    PresenceUpdate(activity: activity, until: .set(at(until)), noteIfEmpty: note, source: .calendar, occurredAt: at(from), endsAt: at(until))
}

/// The output that lifts what the calendar set for `user`.
private func lifting(_ user: UserID) -> PluginOutput { .liftPresence(user, source: .calendar) }

/// Whether any output is a presence update ending before `limit` (the old lift: the change re-sent ending in 1 s).
private func endsEarly(_ outputs: [PluginOutput], before limit: Date) -> Bool {
    outputs.contains { output in
        guard case let .presence(_, update) = output, let end = update.endsAt else { return false }
        return end < limit
    }
}

@Suite("Calendar sync engine (INT-CAL)", .timeLimit(.minutes(1)))
struct CalendarSyncEngineTests {
    @Test func setsPresenceAtTheStartAndLetsTheHubRevertAtTheEnd() async throws {
        let source = CalendarSyncFakeSource()
        source.setCalendar("alice@one.example", [meeting("m1", 30, 60, subject: "Budget")])
        let sync = SyncHarness(users: [user("alice", "alice@one.example")], source: source)
        defer { Task { await sync.stop() } }
        try await sync.waitForStatus("alice", .ok)
        try await sync.settle()
        #expect(sync.sink.outputs.isEmpty, "nothing before the meeting")

        await sync.time.advance(by: .seconds(30 * 60))
        _ = try await sync.sink.waitForOutputs(count: 1)
        #expect(sync.sink.outputs == [.presence("alice", setting("in_meeting", from: 30, until: 60))])

        await sync.time.advance(by: .seconds(30 * 60))
        try await waitUntil("applied record cleared") { sync.state.values[CalendarSyncKeys.applied("alice")] == nil }
        try await sync.settle()
        #expect(sync.sink.outputs.count == 1, "the hub reverts at endsAt; the engine sends nothing at a natural end")
        await sync.stop()
    }

    @Test func cancellingAnEntryInProgressLiftsItsPresence() async throws {
        let source = CalendarSyncFakeSource()
        source.setCalendar("alice@one.example", [meeting("m1", -30, 60, subject: "Budget")])
        let hub = CalendarSyncPresenceHub()
        let options = CalendarSyncOptions(policy: CalendarPresencePolicy(publishSubjects: true), jitter: 0, startSpread: .zero)
        let sync = SyncHarness(users: [user("alice", "alice@one.example")], source: source, options: options, hub: hub)
        _ = try await sync.sink.waitForOutputs(count: 1)
        #expect(sync.presence(0) == setting("in_meeting", from: -30, until: 60, note: "Budget"))
        #expect(hub.presence(of: "alice", at: at(0)).note == "Budget")

        source.setCalendar("alice@one.example", [meeting("m1", -30, 60, cancelled: true, subject: "Budget")])
        await sync.time.advance(by: .seconds(30))
        #expect(sync.engine.trigger(address: "ALICE@one.example"))
        _ = try await sync.sink.waitForOutputs(count: 2)
        #expect(sync.sink.outputs[1] == lifting("alice"))
        #expect(sync.sink.submissions[1].result == .applied)
        #expect(!endsEarly(sync.sink.outputs, before: at(60)), "no update with an end a second ahead")
        // At once, not a second later: back to the default, no until-time, the calendar's note gone.
        let alice = hub.presence(of: "alice", at: at(0.5))
        #expect(alice.activity == "available" && alice.until == nil && alice.note == "" && alice.pendingRevert == nil)
        #expect(alice.source == .calendar && alice.changedAt == at(0.5))
        #expect(source.requests(for: "alice@one.example").map(\.syncToken) == [nil, "v0"], "the second read is incremental")
        try await waitUntil("applied record cleared") { sync.state.values[CalendarSyncKeys.applied("alice")] == nil }
        await sync.stop()
    }

    @Test func movingAnEntryInProgressMovesTheUntilTime() async throws {
        let source = CalendarSyncFakeSource()
        source.setCalendar("alice@one.example", [meeting("m1", -30, 60)])
        let hub = CalendarSyncPresenceHub()
        let sync = SyncHarness(users: [user("alice", "alice@one.example")], source: source, hub: hub)
        _ = try await sync.sink.waitForOutputs(count: 1)

        source.setCalendar("alice@one.example", [meeting("m1", -30, 90)])
        await sync.time.advance(by: .seconds(30))
        sync.engine.trigger("alice")
        _ = try await sync.sink.waitForOutputs(count: 2)
        #expect(sync.presence(1) == setting("in_meeting", from: -30, until: 90))
        let moved = hub.presence(of: "alice", at: at(0.5))
        #expect(moved.activity == "in_meeting" && moved.until == at(90) && moved.pendingRevert?.at == at(90))

        // Moved entirely to the afternoon: lifted now, set again when it starts.
        source.setCalendar("alice@one.example", [meeting("m1", 300, 360)])
        await sync.time.advance(by: .seconds(30))
        sync.engine.trigger("alice")
        _ = try await sync.sink.waitForOutputs(count: 3)
        #expect(sync.sink.outputs[2] == lifting("alice"))
        #expect(hub.presence(of: "alice", at: at(1)).activity == "available")
        #expect(hub.presence(of: "alice", at: at(1)).until == nil)
        await sync.time.advance(by: .seconds(299 * 60))
        _ = try await sync.sink.waitForOutputs(count: 4)
        #expect(sync.presence(3) == setting("in_meeting", from: 300, until: 360))
        #expect(hub.presence(of: "alice", at: at(300)).until == at(360))
        #expect(!endsEarly(sync.sink.outputs, before: at(60)))
        await sync.stop()
    }

    @Test func aLiftNeverUndoesAChangeMadeSince() async throws {
        let source = CalendarSyncFakeSource()
        for name in ["alice", "bob", "carol"] { source.setCalendar("\(name)@one.example", [meeting("m-\(name)", -30, 60)]) }
        let hub = CalendarSyncPresenceHub()
        // Alice set her presence by hand after her meeting started: the hub ignores the calendar (PRES-8).
        try hub.change("alice", PresenceUpdate(activity: "busy", source: .user), at: at(-10))
        let users = ["alice", "bob", "carol"].map { user($0, "\($0)@one.example") }
        let sync = SyncHarness(users: users, source: source, hub: hub)
        _ = try await sync.sink.waitForOutputs(count: 3)
        #expect(sync.sink.submissions.filter { $0.result == .ignored(.olderThanManualChange) }.map(\.output) == [
            .presence("alice", setting("in_meeting", from: -30, until: 60)),
        ])
        // Bob changes his presence by hand after the calendar set it; carol badges in at the door.
        try hub.change("bob", PresenceUpdate(activity: "at_lunch", source: .user), at: sync.time.now)
        try hub.change("carol", PresenceUpdate(activity: "at_office", source: .accessControl, endsAt: at(120)), at: sync.time.now)

        for name in ["alice", "bob", "carol"] { source.setCalendar("\(name)@one.example", []) }
        await sync.time.advance(by: .seconds(30))
        for name in ["alice", "bob", "carol"] { sync.engine.trigger(UserID(name)) }
        _ = try await sync.sink.waitForOutputs(count: 5)
        try await sync.waitForReads("alice@one.example", 2)
        try await sync.settle()
        let lifts = sync.sink.submissions.filter { if case .liftPresence = $0.output { true } else { false } }
        #expect(lifts.count == 2 && lifts.map(\.output).contains(lifting("bob")) && lifts.map(\.output).contains(lifting("carol")),
                "one lift each for bob and carol; none for alice, whose change the hub never applied")
        #expect(lifts.allSatisfy { $0.result == .ignored(.changedSince) })
        #expect(sync.sink.outputs.count == 5)
        let bob = hub.presence(of: "bob", at: at(0.5))
        #expect(bob.activity == "at_lunch" && bob.source == .user)
        let carol = hub.presence(of: "carol", at: at(0.5))
        #expect(carol.activity == "at_office" && carol.pendingRevert?.source == .accessControl && carol.pendingRevert?.at == at(120))
        #expect(hub.presence(of: "alice", at: at(0.5)).activity == "busy")
        try await waitUntil("applied records cleared") {
            ["alice", "bob", "carol"].allSatisfy { sync.state.values[CalendarSyncKeys.applied(UserID($0))] == nil }
        }
        await sync.stop()
    }

    @Test func aBrokenMailboxIsMarkedFailedWithoutStoppingOthers() async throws {
        let source = CalendarSyncFakeSource()
        source.setCalendar("alice@one.example", [meeting("m1", -30, 60)])
        source.failAlways("bob@one.example", .accessDenied("HTTP 403 from calendar server"))
        source.failAlways("carol@one.example", .mailboxNotFound("HTTP 404"))
        let users = [user("alice", "alice@one.example"), user("bob", "bob@one.example"), user("carol", "carol@one.example")]
        let sync = SyncHarness(users: users, source: source)
        _ = try await sync.sink.waitForOutputs(count: 1)
        try await sync.waitForStatus("bob", .failed)
        try await sync.waitForStatus("carol", .failed)
        let bob = try #require(sync.status("bob"))
        #expect(bob.reason == "access denied: HTTP 403 from calendar server")
        #expect(bob.lastSuccess == nil && bob.consecutiveFailures == 1 && bob.lastAttempt == at(0))
        #expect(bob.nextAttempt == at(5), "a permission problem is retried no sooner than the poll interval")
        #expect(sync.status("carol")?.reason == "mailbox not found: HTTP 404")
        let alice = try #require(sync.status("alice"))
        #expect(alice.state == .ok && alice.lastSuccess == at(0) && alice.entries == 1)
        let index = try #require(sync.state.values[CalendarSyncKeys.users])
        #expect(try JSONDecoder().decode([UserID].self, from: Data(index.utf8)) == ["alice", "bob", "carol"])

        source.failAlways("bob@one.example", nil)
        await sync.time.advance(by: .seconds(300))
        try await sync.waitForStatus("bob", .ok)
        #expect(sync.status("bob")?.lastSuccess == at(5))
        try await waitUntil("carol's second failure") { sync.status("carol")?.consecutiveFailures == 2 }
        await sync.stop()
    }

    @Test func boundsConcurrentReadsPerServer() async throws {
        let source = CalendarSyncFakeSource(latency: .milliseconds(40))
        let users = (0..<12).map { user("u\($0)", "u\($0)@one.example") } + (0..<4).map { user("w\($0)", "w\($0)@two.example") }
        let sync = SyncHarness(
            users: users, source: source, options: CalendarSyncOptions(maxConcurrentPerServer: 3, jitter: 0, startSpread: .zero))
        try await waitUntil("all read") { users.allSatisfy { sync.status($0.id)?.state == .ok } }
        #expect(source.maxInFlight["one.example"] == 3)
        #expect(source.maxInFlight["two.example"] == 3)
        await sync.stop()
    }

    @Test func expiredTokensFullResyncAndNewWindowsReadInFull() async throws {
        let source = CalendarSyncFakeSource()
        source.setCalendar("alice@one.example", [meeting("m1", 600, 660)])
        let options = CalendarSyncOptions(pollInterval: .seconds(600), fullResyncInterval: .seconds(1800), jitter: 0, startSpread: .zero)
        let sync = SyncHarness(users: [user("alice", "alice@one.example")], source: source, options: options)
        try await sync.waitForReads("alice@one.example", 1)
        source.failNext("alice@one.example", .syncTokenExpired)
        await sync.time.advance(by: .seconds(600))  // 09:10: token v0 expired → full read at once
        try await sync.waitForReads("alice@one.example", 3)
        await sync.time.advance(by: .seconds(600))  // 09:20: incremental
        try await sync.waitForReads("alice@one.example", 4)
        await sync.time.advance(by: .seconds(600))  // 09:30: 20 min since the last full read — still incremental
        try await sync.waitForReads("alice@one.example", 5)
        await sync.time.advance(by: .seconds(600))  // 09:40: 30 min since → full
        try await sync.waitForReads("alice@one.example", 6)
        #expect(source.requests(for: "alice@one.example").map(\.syncToken) == [nil, "v0", nil, "v0", "v0", nil])
        #expect(sync.status("alice")?.state == .ok)

        // The window moves at midnight UTC: the token of yesterday's window is not reused.
        let windows = Set(source.requests.map(\.window))
        #expect(windows == [options.window(at: at(0))])
        #expect(options.window(at: at(0)).start == at(-9 * 60 - 24 * 60))
        #expect(options.window(at: at(0)).end == at(-9 * 60 + 9 * 24 * 60))
        await sync.time.advance(by: .seconds(15 * 3600 - 2400))  // past midnight: 2026-05-05 00:00
        try await waitUntil("read in the new window") { source.requests.last?.window != options.window(at: at(0)) }
        #expect(source.requests.last?.syncToken == nil)
        await sync.stop()
    }

    @Test func throttlingHoldsEveryMailboxOfTheServer() async throws {
        let source = CalendarSyncFakeSource()
        let options = CalendarSyncOptions(pollInterval: .seconds(60), jitter: 0, startSpread: .zero)
        source.failNext("alice@one.example", .throttled(retryAfter: .seconds(600), "ErrorServerBusy"))
        let users = [user("alice", "alice@one.example"), user("bob", "bob@one.example"), user("zed", "zed@two.example")]
        let sync = SyncHarness(users: users, source: source, options: options)
        try await sync.waitForStatus("alice", .failed)
        #expect(sync.status("alice")?.nextAttempt == at(10))
        for _ in 0..<9 {
            await sync.time.advance(by: .seconds(60))
            try await sync.settle()
        }
        #expect(source.requests(for: "alice@one.example").count == 1)
        let bobBefore = source.requests(for: "bob@one.example").count
        #expect(bobBefore <= 1, "bob's server asked us to wait")
        #expect(source.requests(for: "zed@two.example").count >= 9, "another server is not held")
        // One second more: deadlines computed from Date differences may lie a few nanoseconds past 09:10.
        await sync.time.advance(by: .seconds(61))
        try await sync.waitForReads("alice@one.example", 2)
        try await sync.waitForReads("bob@one.example", bobBefore + 1)
        try await sync.waitForStatus("alice", .ok, since: at(10))
        await sync.stop()
    }

    @Test func triggersAreRateLimitedPerMailbox() async throws {
        let source = CalendarSyncFakeSource()
        let sync = SyncHarness(users: [user("alice", "alice@one.example")], source: source)
        try await sync.waitForReads("alice@one.example", 1)
        try await sync.waitForStatus("alice", .ok)
        sync.engine.trigger("alice")
        sync.engine.trigger("alice")
        try await sync.settle()
        #expect(source.requests.count == 1, "not within 30 s of the last read")
        await sync.time.advance(by: .seconds(30))
        try await sync.waitForReads("alice@one.example", 2)
        try await sync.settle()
        #expect(source.requests.count == 2, "two triggers, one read")
        #expect(!sync.engine.trigger("nobody"))
        #expect(!sync.engine.trigger(address: "nobody@one.example"))
        await sync.stop()
    }

    @Test func followsTheDirectory() async throws {
        let source = CalendarSyncFakeSource()
        source.setCalendar("bob@one.example", [meeting("m2", -30, 60)])
        source.setCalendar("carol@one.example", [meeting("m3", -30, 60)])
        let sync = SyncHarness(users: [user("alice", "alice@one.example"), user("bob", "bob@one.example")], source: source)
        _ = try await sync.sink.waitForOutputs(count: 1)
        try await waitUntil("engine subscribed") { sync.events.subscriberCount > 0 }

        // Bob's calendar is removed from his record: the presence it set is lifted, his state dropped.
        sync.directory.upsert(User(id: "bob", firstName: "bob", lastName: "Test", profile: .desktop))
        sync.directory.upsert(user("carol", "carol@one.example"))
        sync.events.publish(HubEvent(sequence: 1, tenant: "acme", at: at(0), payload: .userChanged("bob")))
        _ = try await sync.sink.waitForOutputs(count: 3)
        #expect(sync.sink.outputs.contains(lifting("bob")))
        #expect(sync.sink.outputs.contains(.presence("carol", setting("in_meeting", from: -30, until: 60))))
        try await waitUntil("bob's state dropped") {
            !sync.state.values.keys.contains { $0.hasSuffix(".bob") }
        }
        let index = try #require(sync.state.values[CalendarSyncKeys.users])
        #expect(try JSONDecoder().decode([UserID].self, from: Data(index.utf8)) == ["alice", "carol"])
        await sync.stop()
    }

    @Test func privateSubjectsAreNeverStoredOrShown() async throws {
        let source = CalendarSyncFakeSource()
        source.setCalendar("alice@one.example", [
            meeting("p", -30, 30, sensitivity: .private, subject: "Doctor Svensson"),
            meeting("n", 60, 90, subject: "Budget review"),
        ])
        let options = CalendarSyncOptions(policy: CalendarPresencePolicy(publishSubjects: true), jitter: 0, startSpread: .zero)
        let sync = SyncHarness(users: [user("alice", "alice@one.example")], source: source, options: options)
        _ = try await sync.sink.waitForOutputs(count: 1)
        #expect(sync.presence(0) == setting("in_meeting", from: -30, until: 30))
        let stored = sync.state.values.values.joined(separator: "\n")
        #expect(!stored.contains("Doctor"))
        #expect(stored.contains("Budget review"))
        await sync.time.advance(by: .seconds(3600))
        _ = try await sync.sink.waitForOutputs(count: 2)
        #expect(sync.presence(1) == setting("in_meeting", from: 60, until: 90, note: "Budget review"))
        await sync.stop()
    }

    @Test func aRestartDoesNotResubmitWhatWasApplied() async throws {
        let source = CalendarSyncFakeSource()
        source.setCalendar("alice@one.example", [meeting("m1", -30, 60)])
        let state = InMemoryStateStore()
        let first = SyncHarness(users: [user("alice", "alice@one.example")], source: source, state: state)
        _ = try await first.sink.waitForOutputs(count: 1)
        await first.stop()

        let second = SyncHarness(users: [user("alice", "alice@one.example")], source: source, state: state)
        try await second.waitForReads("alice@one.example", 2)
        try await second.waitForStatus("alice", .ok)
        try await second.settle()
        #expect(second.sink.outputs.isEmpty)
        #expect(source.requests(for: "alice@one.example").last?.syncToken == "v0", "the stored token is reused")
        await second.stop()
    }
}
