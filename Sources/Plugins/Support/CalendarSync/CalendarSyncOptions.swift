import Foundation
import HubCore

/// How a ``CalendarSyncEngine`` schedules its reads and turns entries into presence.
public struct CalendarSyncOptions: Sendable, Equatable {
    /// The tenant's rules: opt-in mode, activity mapping, subjects.
    public var policy: CalendarPresencePolicy
    /// Time between two reads of one mailbox (polling; push triggers read sooner).
    public var pollInterval: Duration
    /// Shortest time between two reads of one mailbox, whatever triggers them (per-mailbox rate limit).
    public var minimumInterval: Duration
    /// Time after which a mailbox's sync token is dropped and it is read in full again.
    public var fullResyncInterval: Duration
    /// Most reads in flight per server (``CalendarSource/serverKey(for:)``).
    public var maxConcurrentPerServer: Int
    /// Fraction (0...1) by which every interval varies at random, so mailboxes do not read in lockstep.
    public var jitter: Double
    /// First reads after start are spread evenly at random over this time.
    public var startSpread: Duration
    /// Time between two reads of the directory for users with calendars.
    public var directoryInterval: Duration
    /// How far ahead of today the window reaches, in whole days (the until-time of a long absence is
    /// capped at the window end).
    public var lookaheadDays: Int
    /// Retry delays after failures (per mailbox; `throttled` without a hint uses it for the server).
    public var failureBackoff: Backoff

    /// Creates options; out-of-range values are clamped (intervals ≥ 1 s, concurrency ≥ 1, jitter 0...1, lookahead 1...62 days).
    public init(
        policy: CalendarPresencePolicy = CalendarPresencePolicy(), pollInterval: Duration = .seconds(300),
        minimumInterval: Duration = .seconds(30), fullResyncInterval: Duration = .seconds(3600),
        maxConcurrentPerServer: Int = 8, jitter: Double = 0.1, startSpread: Duration = .seconds(60),
        directoryInterval: Duration = .seconds(300), lookaheadDays: Int = 8,
        failureBackoff: Backoff = Backoff(initial: .seconds(30), maximum: .seconds(1800), jitter: 0.2)
    ) {
        self.policy = policy
        self.pollInterval = max(pollInterval, .seconds(1))
        self.minimumInterval = max(minimumInterval, .seconds(1))
        self.fullResyncInterval = max(fullResyncInterval, .seconds(1))
        self.maxConcurrentPerServer = max(maxConcurrentPerServer, 1)
        self.jitter = jitter.isFinite ? min(max(jitter, 0), 1) : 0
        self.startSpread = max(startSpread, .zero)
        self.directoryInterval = max(directoryInterval, .seconds(1))
        self.lookaheadDays = min(max(lookaheadDays, 1), 62)
        self.failureBackoff = failureBackoff
    }

    /// The window for reads at `now`: from the start of yesterday (UTC) to `lookaheadDays` after today.
    /// It moves once a day, so a delta token that encodes it stays valid all day.
    public func window(at now: Date) -> DateInterval {
        let day: TimeInterval = 86_400
        let today = (now.timeIntervalSince1970 / day).rounded(.down) * day
        let start = Date(timeIntervalSince1970: today - day)
        let end = Date(timeIntervalSince1970: today + Double(lookaheadDays + 1) * day)
        return DateInterval(start: start, end: end)
    }
}
