import HubCore

/// The scheduling keys every calendar kind has — `poll_interval`, `lookahead_days`, `max_concurrent`,
/// `request_timeout` — checked the same way everywhere; only the bounds differ per kind.
public struct CalendarScheduleLimits: Sendable, Equatable {
    /// Allowed poll intervals.
    public var pollInterval: ClosedRange<Duration>
    /// The reason given for a poll interval outside them (`must be at least 10s`).
    public var pollRule: String
    /// Allowed mailboxes in flight.
    public var maxConcurrent: ClosedRange<Int>
    /// Why the concurrency is capped, appended to the reason (` (EWSMaxConcurrency)`); empty for none.
    public var concurrencyNote: String

    /// Creates limits; the defaults are those of most kinds (poll ≥ 10 s, 1...64 in flight).
    public init(
        pollInterval: ClosedRange<Duration> = .seconds(10)...(.seconds(Int64.max)), pollRule: String = "must be at least 10s",
        maxConcurrent: ClosedRange<Int> = 1...64, concurrencyNote: String = ""
    ) {
        self.pollInterval = pollInterval
        self.pollRule = pollRule
        self.maxConcurrent = maxConcurrent
        self.concurrencyNote = concurrencyNote
    }

    /// Checks the four keys; throws ``PluginError/misconfigured(_:)`` naming the first bad one.
    public func check(pollInterval poll: Duration, lookaheadDays: Int, maxConcurrent concurrent: Int, requestTimeout: Duration) throws(PluginError) {
        func bad(_ key: String, _ message: String) -> PluginError { .misconfigured("settings.\(key): \(message)") }
        if !pollInterval.contains(poll) { throw bad("poll_interval", pollRule) }
        if !(1...62).contains(lookaheadDays) { throw bad("lookahead_days", "must be between 1 and 62") }
        if !maxConcurrent.contains(concurrent) {
            throw bad("max_concurrent", "must be between \(maxConcurrent.lowerBound) and \(maxConcurrent.upperBound)\(concurrencyNote)")
        }
        if !(.seconds(1)...(.seconds(300))).contains(requestTimeout) { throw bad("request_timeout", "must be between 1s and 300s") }
    }
}
