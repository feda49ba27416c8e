import Foundation

/// Supervisor figures of one queue over sliding windows (ACD-10): answered, abandoned, waits, service level.
///
/// Events are kept only as long as the longest window, so memory is bounded by the call rate, and each
/// `record` costs amortised O(1); ``figures(window:now:)`` scans the window's events. Times must not go
/// backwards: an event stamped earlier than the previous one is counted at the previous one's time.
public struct QueueStatistics: Sendable {
    /// The windows and thresholds in use.
    public let configuration: Configuration
    /// Counters since creation, never pruned; the property tests check they add up.
    public private(set) var totals = Totals()

    private var log = TimeOrderedLog<Entry>()
    /// Events older than this (the longest window) are dropped.
    private let retention: TimeInterval

    /// Statistics with the default windows (15 min, 1 h, 4 h), a 20 s service level and 5 s short abandons.
    public init() {
        self.configuration = Configuration()
        self.retention = Configuration.defaultWindows.max() ?? 14_400
    }

    /// Statistics with the given configuration, refused with the offending field if it is invalid.
    public init(configuration: Configuration) throws(ValidationError) {
        try configuration.validate()
        self.configuration = configuration
        self.retention = configuration.windows.max() ?? 14_400
    }

    /// Entries currently held (for memory checks).
    public var storedEvents: Int { log.count }

    /// Records `event` at `time` and drops events older than the longest window.
    public mutating func record(_ event: Event, at time: Date) {
        var seconds = time.timeIntervalSinceReferenceDate
        if let last = log.lastTime, seconds < last {
            seconds = last
            totals.outOfOrder += 1
        }
        let entry = entry(for: event)
        totals.count(entry)
        log.append(entry, at: seconds)
        log.drop(throughTime: seconds - retention)
    }

    /// The figures over the `window` seconds up to `now` (events with `now - window < time <= now`).
    ///
    /// A window longer than the longest configured one covers only what is kept; ``Figures/window`` says so.
    public func figures(window: TimeInterval, now: Date) -> Figures {
        let span = min(max(window, 0), retention)
        let end = now.timeIntervalSinceReferenceDate
        var accumulator = FiguresAccumulator(configuration: configuration)
        log.forEach(after: end - span, through: end) { _, entry in accumulator.add(entry) }
        return accumulator.figures(window: span, waitingNow: totals.waiting)
    }

    /// The figures for every configured window, shortest first.
    public func figures(now: Date) -> [Figures] {
        configuration.windows.sorted().map { figures(window: $0, now: now) }
    }

    private mutating func entry(for event: Event) -> Entry {
        switch event {
        case .joined: return .joined
        case let .answered(wait): return .answered(sanitised(wait))
        case let .abandoned(wait):
            let wait = sanitised(wait)
            return wait < configuration.shortAbandonThreshold ? .shortAbandoned(wait) : .abandoned(wait)
        case let .diverted(kind, wait): return .diverted(kind, sanitised(wait))
        case let .handled(handleTime): return .handled(sanitised(handleTime))
        }
    }

    /// A negative or non-finite duration (a clock or caller bug) counts as 0 and is tallied, never trusted.
    private mutating func sanitised(_ seconds: TimeInterval) -> TimeInterval {
        guard seconds.isFinite, seconds >= 0 else {
            totals.invalidDurations += 1
            return 0
        }
        return seconds
    }
}
