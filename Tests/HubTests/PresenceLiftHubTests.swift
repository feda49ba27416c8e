import Foundation
@testable import Hub
import HubCore
import Logging
import Testing

@Suite("Plugins lift the presence they set (PRES-8, INT-CAL)")
struct PresenceLiftHubTests {
    /// A calendar meeting for `user` that started 10 minutes ago and ends in 50, writing a note.
    private static func meeting(_ sink: EnginePluginSink, _ user: UserID = "anna") async throws {
        let end = TestHub.epoch.addingTimeInterval(3_000)
        let update = PresenceUpdate(
            activity: "in_meeting", until: .set(end), noteIfEmpty: "Budget review", source: .calendar,
            occurredAt: TestHub.epoch.addingTimeInterval(-600), endsAt: end)
        #expect(try await sink.submit(.presence(user, update)) == .applied)
    }

    private static func sink(_ hub: TestHub) -> EnginePluginSink {
        EnginePluginSink(engine: hub.engine, tenant: "acme", instanceID: "calendar-ews")
    }

    @Test("a lift ends the calendar's presence at once: default activity, no until or note, timer gone, event 'lifted', stored")
    func liftApplies() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let sink = Self.sink(hub)
        try await Self.meeting(sink)
        #expect(await hub.engine.nextDeadline() == TestHub.epoch.addingTimeInterval(3_000))
        let events = hub.services.bus.subscribe(tenant: "acme")

        #expect(try await sink.submit(.liftPresence("anna", source: .calendar)) == .applied)
        let anna = try await hub.engine.presence(tenant: "acme", user: "anna", viewer: nil)
        #expect(anna.activity == "available" && anna.until == nil && anna.note == "" && anna.revertsAt == nil)
        #expect(anna.source == .calendar && anna.changedAt == TestHub.epoch)
        #expect(await hub.engine.nextDeadline() == nil, "the revert timer is cancelled")
        var iterator = events.makeAsyncIterator()
        guard case let .presenceChanged(change)? = await iterator.next()?.payload else {
            Issue.record("no presence event")
            return
        }
        #expect(change.reason == .lifted && change.source == .calendar && change.before?.activity == "in_meeting")
        let stream = String(decoding: try JSONEncoder().encode(StreamEvent(
            event: HubEvent(sequence: 1, tenant: "acme", at: TestHub.epoch, payload: .presenceChanged(change)), showsRole: true)), as: UTF8.self)
        #expect(stream.contains(#""reason":"lifted""#))

        let reopened = try await HubRuntime.make(
            hub.runtime.configuration, registry: BuiltinPlugins.registry,
            clock: HubClock(hub.clock, epoch: TestHub.epoch), logger: .init(label: "test"))
        let stored = try await reopened.services.engine.presence(tenant: "acme", user: "anna", viewer: nil)
        #expect(stored.activity == "available" && stored.revertsAt == nil, "the lift is on disk")
    }

    @Test("a lift after a manual or another source's change is ignored as changed_since and changes nothing")
    func liftIgnoredAfterOtherChanges() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let sink = Self.sink(hub)
        try await Self.meeting(sink, "anna")
        try await Self.meeting(sink, "bertil")
        _ = try await hub.engine.setPresence(
            tenant: "acme", user: "anna", update: PresenceUpdate(activity: "busy", source: .user), actor: "test", audited: false)
        let stamp = PresenceUpdate(activity: "at_office", source: .accessControl, endsAt: TestHub.epoch.addingTimeInterval(7_200))
        #expect(try await sink.submit(.presence("bertil", stamp)) == .applied)

        for user: UserID in ["anna", "bertil"] {
            let before = try await hub.engine.presence(tenant: "acme", user: user, viewer: nil)
            #expect(try await sink.submit(.liftPresence(user, source: .calendar)) == .ignored(.changedSince), "\(user)")
            #expect(try await hub.engine.presence(tenant: "acme", user: user, viewer: nil) == before, "\(user)")
        }
        #expect(await hub.engine.nextDeadline() == TestHub.epoch.addingTimeInterval(7_200), "the stamp's revert stays")
    }

    @Test("a lift for an unknown user or from a manual source is rejected")
    func liftRejected() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let sink = Self.sink(hub)
        guard case let .rejected(reason) = try await sink.submit(.liftPresence("nobody", source: .calendar)) else {
            Issue.record("an unknown user is not rejected")
            return
        }
        #expect(reason.contains("nobody"))
        guard case .rejected = try await sink.submit(.liftPresence("anna", source: .user)) else {
            Issue.record("a manual source is not rejected")
            return
        }
    }
}
