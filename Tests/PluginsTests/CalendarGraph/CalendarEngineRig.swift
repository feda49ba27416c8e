import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting

/// A calendar adapter running on the real sync engine with fakes for the hub side and a manual clock
/// (Monday 2026-05-04 09:00 UTC); `stop()` cancels it and waits.
final class CalendarEngineRig: Sendable {
    let time: TestHubClock
    let sink = RecordingSink()
    let state = InMemoryStateStore()
    let directory: InMemoryDirectory
    let engine: CalendarSyncEngine
    let task: Task<Void, any Error>

    init(users: [(String, String)], time: TestHubClock, options: CalendarSyncOptions, source: (PluginContext) -> any CalendarSource) {
        self.time = time
        directory = InMemoryDirectory(users: users.map {
            User(id: UserID($0.0), firstName: $0.0, lastName: "Test", profile: .desktop, calendar: $0.1)
        })
        let context = PluginContext.testing(clock: time.hubClock, sink: sink, directory: directory, state: state)
        var options = options
        options.jitter = 0
        options.startSpread = .zero
        let engine = CalendarSyncEngine(source: source(context), options: options)
        self.engine = engine
        task = Task { try await engine.run(context: context) }
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// The engine's status of `user`'s mailbox.
    func status(_ user: UserID) -> CalendarSyncStatus? {
        state.values[CalendarSyncKeys.status(user)].flatMap { try? JSONDecoder().decode(CalendarSyncStatus.self, from: Data($0.utf8)) }
    }

    /// Presence updates submitted for `user`.
    func presence(of user: UserID) -> [PresenceUpdate] {
        sink.outputs.compactMap { output in
            guard case let .presence(id, update) = output, id == user else { return nil }
            return update
        }
    }

    /// Minutes after the clock's epoch.
    static func at(_ minutes: Double) -> Date { TestHubClock.defaultEpoch.addingTimeInterval(minutes * 60) }

    /// The update the engine sends for a calendar run from `from` to `until` (minutes after the epoch).
    static func setting(_ activity: ActivityID, from: Double, until: Double) -> PresenceUpdate {
        PresenceUpdate(activity: activity, until: .set(at(until)), noteIfEmpty: nil, source: .calendar, occurredAt: at(from), endsAt: at(until))
    }
}
