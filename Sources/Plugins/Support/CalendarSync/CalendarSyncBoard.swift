import Foundation
import HubCore
import Synchronization

/// Counts mailboxes and failures across workers for the instance's status line.
final class CalendarSyncBoard: Sendable {
    private struct Counts {
        var mailboxes = 0
        var failed = Set<UserID>()
    }

    private let counts = Mutex(Counts())
    private let reporter: any PluginStatusReporter

    init(reporter: any PluginStatusReporter) {
        self.reporter = reporter
    }

    /// Sets the number of mailboxes synced.
    func setMailboxes(_ count: Int, removing gone: Set<UserID>) {
        report(counts.withLock { counts in
            counts.mailboxes = count
            counts.failed.subtract(gone)
            return counts
        })
    }

    /// Records the outcome of a user's last read.
    func update(_ user: UserID, failed: Bool) {
        let changed = counts.withLock { counts -> Counts? in
            let before = counts.failed.count
            if failed { counts.failed.insert(user) } else { counts.failed.remove(user) }
            return counts.failed.count == before ? nil : counts
        }
        if let changed { report(changed) }
    }

    private func report(_ counts: Counts) {
        reporter.report(detail: "calendars: \(counts.mailboxes) mailboxes, \(counts.failed.count) failing")
    }
}

/// Remembers when another source last changed a user's activity, until-time or note, so the engine never
/// lifts a presence that is no longer the calendar's.
final class PresenceOwnership: Sendable {
    private let lastForeignChange = Mutex<[UserID: Date]>([:])

    /// Notes a presence change seen on the hub's event stream.
    func observe(_ change: PresenceChange) {
        guard change.source != .calendar else { return }
        let after = change.after
        if let before = change.before, before.activity == after.activity, before.until == after.until,
           before.note == after.note, before.role == after.role {
            return  // online/idle only
        }
        lastForeignChange.withLock { $0[change.user] = change.at }
    }

    /// Whether another source changed `user`'s presence at or after `date`.
    func changedByOthers(_ user: UserID, since date: Date) -> Bool {
        lastForeignChange.withLock { $0[user].map { $0 >= date } ?? false }
    }
}
