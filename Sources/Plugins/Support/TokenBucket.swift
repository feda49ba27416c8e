import Foundation

/// A flood limit: allows `ratePerSecond` items per second on average and bursts of up to `burst`.
///
/// Pure: callers pass the time, so tests step it by hand.
///
/// ```swift
/// var bucket = TokenBucket(ratePerSecond: 100, burst: 100, now: clock.now())
/// if bucket.take(at: clock.now()) { handle(line) } else { dropped += 1 }
/// ```
public struct TokenBucket: Sendable, Equatable {
    /// Items per second refilled.
    public let ratePerSecond: Double
    /// Most items allowed at once after a quiet spell.
    public let burst: Double
    private var tokens: Double
    private var refilledAt: Date

    /// Creates a full bucket; a rate below 0 counts as 0 and a burst below 1 as 1.
    public init(ratePerSecond: Double, burst: Double, now: Date) {
        self.ratePerSecond = max(ratePerSecond, 0)
        self.burst = max(burst, 1)
        self.tokens = self.burst
        self.refilledAt = now
    }

    /// Takes one item's token if there is one; returns whether the item may pass.
    public mutating func take(at now: Date) -> Bool {
        refill(at: now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    private mutating func refill(at now: Date) {
        let elapsed = now.timeIntervalSince(refilledAt)
        guard elapsed > 0 else { return }
        tokens = min(burst, tokens + elapsed * ratePerSecond)
        refilledAt = now
    }
}
