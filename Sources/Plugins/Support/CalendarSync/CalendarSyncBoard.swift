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
