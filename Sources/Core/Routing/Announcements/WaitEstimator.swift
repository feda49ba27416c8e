import Foundation

/// Position-aware estimated wait per caller (ACD-8), replacing Asterisk's queue-wide average.
///
/// Estimate = position / eligible agents × recent mean handle time: with every eligible agent busy and
/// calls ending evenly, one agent frees up every `handle / agents` seconds and the caller at position p is
/// served at the p-th. Nil when there is no basis (no eligible agent, no recent handle time, bad position),
/// so the announcement is left out rather than guessed. Per caller the last estimate is remembered and the
/// new one clamped to it while the position does not increase, so a caller never hears a longer wait after
/// moving up or standing still (agents logging out); if the caller is pushed back (a priority caller joined
/// ahead), the clamp restarts from the new figure. Call ``forget(_:)`` when the caller leaves the queue.
public struct WaitEstimator<Caller: Hashable & Sendable>: Sendable {
    /// How estimates are rounded for speech.
    public var rounding: SpeechRounding

    private var memory: [Caller: Remembered] = [:]

    private struct Remembered: Sendable {
        let position: Int
        let seconds: TimeInterval
    }

    /// An estimator rounding with `rounding`.
    public init(rounding: SpeechRounding = SpeechRounding()) {
        self.rounding = rounding
    }

    /// Callers whose last estimate is remembered.
    public var rememberedCallers: Int { memory.count }

    /// The estimate for `caller` at 1-based `position` with `eligibleAgents` able to take the call, or nil.
    public mutating func estimate(
        for caller: Caller, position: Int, eligibleAgents: Int, meanHandleTime: TimeInterval?
    ) -> WaitEstimate? {
        guard let fresh = Self.rawEstimate(position: position, eligibleAgents: eligibleAgents, meanHandleTime: meanHandleTime)
        else { return nil }
        var seconds = fresh
        if let last = memory[caller], position <= last.position { seconds = min(fresh, last.seconds) }
        memory[caller] = Remembered(position: position, seconds: seconds)
        return WaitEstimate(seconds: seconds, spokenSeconds: rounding.spokenSeconds(seconds))
    }

    /// The estimate using the tracker's mean handle time at `now`.
    public mutating func estimate(
        for caller: Caller, position: Int, eligibleAgents: Int, handleTimes: HandleTimeTracker, now: Date
    ) -> WaitEstimate? {
        estimate(for: caller, position: position, eligibleAgents: eligibleAgents, meanHandleTime: handleTimes.mean(at: now))
    }

    /// Drops what is remembered about `caller` (call it when the caller leaves the queue).
    public mutating func forget(_ caller: Caller) {
        memory[caller] = nil
    }

    /// position / eligible agents × mean handle time, without memory; nil without a basis.
    public static func rawEstimate(position: Int, eligibleAgents: Int, meanHandleTime: TimeInterval?) -> TimeInterval? {
        guard position >= 1, eligibleAgents >= 1, let meanHandleTime, meanHandleTime.isFinite, meanHandleTime > 0
        else { return nil }
        return Double(position) / Double(eligibleAgents) * meanHandleTime
    }
}
