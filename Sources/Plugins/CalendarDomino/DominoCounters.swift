import Foundation
import HubPluginSupport
import Synchronization

/// Counters of one `calendar_domino` instance since it was created.
public struct DominoStatistics: Sendable, Equatable {
    /// DAS or DRAPI calendar requests sent.
    public var requests = 0
    /// Events skipped because they could not be read.
    public var badEvents = 0
    /// DRAPI series entries with recurrence rules but no recurrence id (taken as their first occurrence only).
    public var unexpandedSeries = 0

    /// Empty counters.
    public init() {}
}

/// The instance's ``DominoStatistics``, shared by its tasks.
final class DominoCounters: Sendable {
    private let state = Mutex(DominoStatistics())
    private let badInputLog = Mutex(LogThrottle(interval: 10))

    /// Changes the counters.
    func update(_ body: (inout DominoStatistics) -> Void) {
        state.withLock { body(&$0) }
    }

    /// Whether a bad entry from the server may be logged now (at most once per 10 s); returns how many
    /// were left unlogged since the last report, or nil to stay quiet.
    func logBadInput(at now: Date) -> Int? {
        badInputLog.withLock { $0.record(at: now) }
    }

    /// A copy of the counters.
    var snapshot: DominoStatistics { state.withLock { $0 } }
}
