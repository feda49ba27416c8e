/// Capped exponential backoff: `initial`, then × `multiplier` per attempt, never above `maximum`.
///
/// Pure: the delay depends only on the attempt number and, with jitter, on the random source passed in,
/// so tests use a seeded generator and get the same delays every run.
///
/// ```swift
/// let backoff = Backoff(initial: .seconds(1), maximum: .seconds(60), jitter: 0.2)
/// var random = SystemRandomNumberGenerator()
/// try await clock.sleep(backoff.delay(attempt: failures, using: &random))
/// ```
public struct Backoff: Sendable, Equatable {
    /// Delay before the first retry (attempt 1).
    public var initial: Duration
    /// Upper bound of every delay.
    public var maximum: Duration
    /// Growth factor per attempt (at least 1).
    public var multiplier: Double
    /// Fraction (0...1) of each delay that is randomised away: a delay `d` becomes a value in `(d × (1 − jitter)), d]`.
    public var jitter: Double

    /// Creates a backoff; out-of-range values are clamped (multiplier ≥ 1, jitter in 0...1, maximum ≥ initial).
    public init(initial: Duration, maximum: Duration, multiplier: Double = 2, jitter: Double = 0) {
        let initial = max(initial, .zero)
        self.initial = initial
        self.maximum = max(maximum, initial)
        self.multiplier = multiplier.isFinite ? max(multiplier, 1) : 1
        self.jitter = jitter.isFinite ? min(max(jitter, 0), 1) : 0
    }

    /// The delay before retry number `attempt` (1 is the first retry) without jitter.
    public func delay(attempt: Int) -> Duration {
        let attempt = max(attempt, 1)
        let initialSeconds = initial.timeIntervalSeconds
        let maximumSeconds = maximum.timeIntervalSeconds
        // Stop multiplying once the cap is reached, so huge attempt numbers never overflow.
        var seconds = initialSeconds
        var step = 1
        while step < attempt, seconds < maximumSeconds {
            seconds *= multiplier
            step += 1
        }
        return seconds >= maximumSeconds ? maximum : .seconds(seconds)
    }

    /// The delay before retry number `attempt`, with jitter drawn from `random`.
    public func delay(attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let base = delay(attempt: attempt)
        guard jitter > 0 else { return base }
        let fraction = Double.random(in: 0..<1, using: &random) * jitter
        return base - base * fraction
    }
}

extension Duration {
    /// Seconds as a `Double` (no Foundation needed).
    fileprivate var timeIntervalSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
