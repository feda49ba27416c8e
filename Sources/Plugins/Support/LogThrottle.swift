import Foundation

/// Keeps a stream of similar problems from turning into one log line each.
///
/// The first problem is reported; further ones within `interval` are only counted, and the next report
/// after the interval carries that count. Pure: callers pass the time.
///
/// ```swift
/// if let suppressed = throttle.record(at: clock.now()) {
///     logger.warning("bad line from child: \(reason)", metadata: ["suppressed": "\(suppressed)"])
/// }
/// ```
public struct LogThrottle: Sendable, Equatable {
    /// Shortest time between two reports.
    public let interval: TimeInterval
    /// Problems counted but not reported since the last report.
    public private(set) var suppressed = 0
    private var lastReport: Date?

    /// Creates a throttle that reports at most once per `interval` seconds.
    public init(interval: TimeInterval) {
        self.interval = max(interval, 0)
    }

    /// Records one problem; returns the number suppressed before it if it should be reported now, else nil.
    public mutating func record(at now: Date) -> Int? {
        if let lastReport, now.timeIntervalSince(lastReport) < interval {
            suppressed += 1
            return nil
        }
        lastReport = now
        defer { suppressed = 0 }
        return suppressed
    }

    /// Returns and clears the count of problems not yet reported (for a summary at the end).
    public mutating func flush() -> Int {
        defer { suppressed = 0 }
        return suppressed
    }
}
