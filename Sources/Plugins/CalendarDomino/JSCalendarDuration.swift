import Foundation

/// A JSCalendar (RFC 8984 §1.4.6) duration, `P1W2DT3H4M5.5S`: whole days (weeks count as 7) are added on
/// the wall clock, the rest in absolute time.
struct JSCalendarDuration: Sendable, Equatable {
    /// Weeks × 7 + days.
    var days: Int
    /// Hours, minutes and seconds, in seconds.
    var seconds: TimeInterval

    /// Parses `text`; nil if it is not a duration (negative durations are not allowed for events).
    init?(_ text: String) {
        var rest = Substring(text.uppercased())
        guard rest.first == "P", rest.count > 1 else { return nil }
        rest = rest.dropFirst()
        var inTime = false
        var number = ""
        var days = 0
        var seconds: TimeInterval = 0
        var sawUnit = false
        for character in rest {
            switch character {
            case "T":
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
            case "0"..."9", ".":
                number.append(character)
            default:
                guard let value = Double(number), value >= 0 else { return nil }
                number = ""
                sawUnit = true
                switch (inTime, character) {
                case (false, "W") where value < 10_000 && value.rounded() == value: days += Int(value) * 7
                case (false, "D") where value < 100_000 && value.rounded() == value: days += Int(value)
                case (true, "H"): seconds += value * 3600
                case (true, "M"): seconds += value * 60
                case (true, "S"): seconds += value
                default: return nil
                }
            }
        }
        guard number.isEmpty, sawUnit, days < 100_000 else { return nil }
        self.days = days
        self.seconds = seconds
    }
}
