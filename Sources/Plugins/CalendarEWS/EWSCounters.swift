import Foundation
import HubPluginSupport
import Synchronization

/// Counters of one `calendar_ews` instance since it was created.
public struct EWSStatistics: Sendable, Equatable {
    /// SOAP requests sent (FindItem and GetItem).
    public var requests = 0
    /// GetItem requests sent for fields FindItem left out.
    public var getItemRequests = 0
    /// ErrorServerBusy / 503 answers (handed to the engine to wait out).
    public var throttled = 0
    /// CalendarViews cut at MaxEntriesReturned and continued.
    public var truncatedViews = 0
    /// Items skipped because they could not be read.
    public var badItems = 0

    /// Empty counters.
    public init() {}
}

/// The instance's ``EWSStatistics``, shared by its tasks.
final class EWSCounters: Sendable {
    private let state = Mutex(EWSStatistics())
    private let badInputLog = Mutex(LogThrottle(interval: 10))

    /// Changes the counters.
    func update(_ body: (inout EWSStatistics) -> Void) {
        state.withLock { body(&$0) }
    }

    /// Whether a bad entry from the server may be logged now (at most once per 10 s); returns how many
    /// were left unlogged since the last report, or nil to stay quiet.
    func logBadInput(at now: Date) -> Int? {
        badInputLog.withLock { $0.record(at: now) }
    }

    /// A copy of the counters.
    var snapshot: EWSStatistics { state.withLock { $0 } }
}
