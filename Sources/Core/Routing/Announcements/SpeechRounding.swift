import Foundation

/// How a wait estimate is rounded before it is spoken: to `step` seconds when short, to whole minutes from
/// `wholeMinutesFrom` on; never below one step, so a waiting caller never hears "zero" (ACD-8).
public struct SpeechRounding: Sendable, Hashable, Codable {
    /// The steps a prompt set can say (Asterisk's `announce-round-seconds` offers the same).
    public enum Step: Int, Sendable, Hashable, Codable, CaseIterable {
        case five = 5, ten = 10, fifteen = 15, twenty = 20, thirty = 30, sixty = 60
    }

    /// Rounding step for short waits.
    public var step: Step
    /// From this many whole minutes on, estimates are rounded to whole minutes.
    public var wholeMinutesFrom: Int

    /// Rounds to 30 s below 2 minutes and to whole minutes from there.
    public init(step: Step = .thirty, wholeMinutesFrom: Int = 2) {
        self.step = step
        self.wholeMinutesFrom = max(1, wholeMinutesFrom)
    }

    /// `seconds` rounded to the nearest step (halves up), at least one step; monotone, so it never turns a
    /// smaller estimate into a larger spoken value.
    public func spokenSeconds(_ seconds: TimeInterval) -> Int {
        let unit = seconds < Double(wholeMinutesFrom * 60) ? step.rawValue : 60
        let rounded = (max(0, seconds) / Double(unit)).rounded(.toNearestOrAwayFromZero) * Double(unit)
        // Estimates are bounded by the caller (hours at most), so the conversion cannot overflow.
        return max(step.rawValue, Int(min(rounded, 86_400 * 7)))
    }
}
