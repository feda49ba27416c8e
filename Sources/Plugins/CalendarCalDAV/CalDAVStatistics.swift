import Foundation
import HubPluginSupport
import Synchronization

/// Counters of a `calendar_caldav` instance since it was created.
public struct CalDAVStatistics: Sendable, Equatable {
    /// Users whose calendar was read successfully (one per user per round).
    public var usersSynced = 0
    /// User reads that failed (HTTP error, unreachable, bad answer).
    public var usersFailed = 0
    /// Full resyncs because a stored sync token was rejected.
    public var tokenResyncs = 0
    /// HTTP requests sent.
    public var requests = 0
    /// Entries read with a problem (unknown TZID, unsupported RRULE part) or skipped as invalid.
    public var entryProblems = 0
}

/// Thread-safe holder of ``CalDAVStatistics``.
final class CalDAVCounters: Sendable {
    private let state = Mutex(CalDAVStatistics())
    private let problemLog = Mutex(LogThrottle(interval: 300))

    /// Applies `change` atomically.
    func update(_ change: (inout CalDAVStatistics) -> Void) { state.withLock { change(&$0) } }

    /// Whether a problem seen at `now` should be logged (at most every 5 minutes); the count suppressed since.
    func recordProblemLog(at now: Date) -> Int? { problemLog.withLock { $0.record(at: now) } }

    /// The current values.
    var snapshot: CalDAVStatistics { state.withLock { $0 } }
}
