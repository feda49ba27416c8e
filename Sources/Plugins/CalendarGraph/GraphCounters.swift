import Foundation
import HubPluginSupport
import Synchronization

/// Counters of one `calendar_graph` instance since it was created.
public struct GraphStatistics: Sendable, Equatable {
    /// Graph requests sent (not counting token requests).
    public var requests = 0
    /// 429/503 answers waited out.
    public var throttled = 0
    /// Delta tokens refused as expired (410, SyncStateNotFound).
    public var expiredTokens = 0
    /// Events skipped because they could not be read.
    public var badEvents = 0

    /// Empty counters.
    public init() {}
}

/// The instance's ``GraphStatistics``, shared by its tasks.
final class GraphCounters: Sendable {
    private let state = Mutex(GraphStatistics())
    private let badInputLog = Mutex(LogThrottle(interval: 10))

    /// Changes the counters.
    func update(_ body: (inout GraphStatistics) -> Void) {
        state.withLock { body(&$0) }
    }

    /// Whether a bad entry from the server may be logged now (at most once per 10 s); returns how many
    /// were left unlogged since the last report, or nil to stay quiet.
    func logBadInput(at now: Date) -> Int? {
        badInputLog.withLock { $0.record(at: now) }
    }

    /// A copy of the counters.
    var snapshot: GraphStatistics { state.withLock { $0 } }
}
