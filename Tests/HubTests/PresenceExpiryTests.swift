import Clocks
import Foundation
@testable import Hub
import HubCore
import Logging
import Testing

@Suite("Presence expiry on the injected clock (PRES-8)")
struct PresenceExpiryTests {
    private func stamp(_ hub: TestHub, endsIn seconds: Int) async throws {
        let update = PresenceUpdate(
            activity: "at_lunch", noteIfEmpty: "Lunch", source: .accessControl,
            endsAt: TestHub.epoch.addingTimeInterval(TimeInterval(seconds)))
        let outcome = try await hub.engine.setPresence(tenant: "acme", user: "anna", update: update, actor: "test", audited: false)
        guard case .applied = outcome else { throw HubError.conflict("stamp not applied: \(outcome)") }
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

    @Test("an automatic change reverts to available at its end time exactly, note cleared, event published")
    func revertsAtEnd() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        try await stamp(hub, endsIn: 3_600)
        let events = hub.services.bus.subscribe(tenant: "acme")
        await advance(hub, by: 3_599)
        #expect(try await hub.engine.presence(tenant: "acme", user: "anna", viewer: nil).activity == "at_lunch")
        await advance(hub, by: 1)
        let presence = try await hub.engine.presence(tenant: "acme", user: "anna", viewer: nil)
        #expect(presence.activity == "available")
        #expect(presence.note == "")
        #expect(presence.source == .accessControl)
        #expect(presence.changedAt == TestHub.epoch.addingTimeInterval(3_600))
        var iterator = events.makeAsyncIterator()
        guard case let .presenceChanged(change)? = await iterator.next()?.payload else {
            Issue.record("no presence event")
            return
        }
        #expect(change.reason == .expired)
    }

    @Test("a manual change in between cancels the revert")
    func manualChangeWins() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        try await stamp(hub, endsIn: 600)
        await advance(hub, by: 60)
        _ = try await hub.engine.setPresence(
            tenant: "acme", user: "anna", update: PresenceUpdate(activity: "busy", source: .user), actor: "test", audited: false)
        await advance(hub, by: 600)
        let presence = try await hub.engine.presence(tenant: "acme", user: "anna", viewer: nil)
        #expect(presence.activity == "busy")
        #expect(presence.note == "Lunch")
    }

    @Test("a pending revert survives a restart and still fires")
    func survivesRestart() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        try await stamp(hub, endsIn: 120)
        let reopened = try await HubRuntime.make(
            hub.runtime.configuration, registry: BuiltinPlugins.registry,
            clock: HubClock(hub.clock, epoch: TestHub.epoch), logger: .init(label: "test"))
        #expect(await reopened.services.engine.nextDeadline() == TestHub.epoch.addingTimeInterval(120))
        let timerWheel = reopened.timerWheel
        let wheel = Task { try await timerWheel.run() }
        await Task.megaYieldForTests()
        await hub.clock.advance(by: .seconds(120))
        await Task.megaYieldForTests()
        wheel.cancel()
        _ = await wheel.result
        #expect(try await reopened.services.engine.presence(tenant: "acme", user: "anna", viewer: nil).activity == "available")
    }
}

extension Task where Success == Never, Failure == Never {
    /// Lets other tasks run for a while (the wheel picking up a deadline, a timer firing).
    static func megaYieldForTests(count: Int = 200) async {
        for _ in 0..<count { await Task<Void, Never>.detached(priority: .background) { await Task.yield() }.value }
    }
}
