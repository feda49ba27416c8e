/// A DURATION value (RFC 5545 §3.3.6): days and weeks are nominal, hours to seconds exact.
public struct ICalDuration: Sendable, Hashable {
    /// Nominal days (weeks × 7 included); negative for a negative duration.
    public var days: Int
    /// Exact seconds; negative for a negative duration.
    public var seconds: Int

    /// Creates a duration.
    public init(days: Int = 0, seconds: Int = 0) {
        self.days = days
        self.seconds = seconds
    }

    /// Parses `[+-]P[nW][nD][T[nH][nM][nS]]`.
    public static func parse(_ text: String, property: String = "DURATION") throws(ICalError) -> ICalDuration {
        var rest = Substring(text.uppercased())
        var sign = 1
        if rest.first == "-" || rest.first == "+" {
            sign = rest.first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        guard rest.first == "P", rest.count > 1 else { throw .invalidValue(property: property, "'\(text)' is not a duration (P…)") }
        rest = rest.dropFirst()
        var days = 0
        var seconds = 0
        var inTime = false
        var digits = ""
        var sawComponent = false
        for character in rest {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if character == "T", !inTime, digits.isEmpty {
                inTime = true
                continue
            }
            guard let value = Int(digits) else { throw .invalidValue(property: property, "'\(text)' is not a duration") }
            digits = ""
            sawComponent = true
            switch (character, inTime) {
            case ("W", false): days += value * 7
            case ("D", false): days += value
            case ("H", true): seconds += value * 3600
            case ("M", true): seconds += value * 60
            case ("S", true): seconds += value
            default: throw .invalidValue(property: property, "'\(text)' has an unexpected '\(character)'")
            }
        }
        guard digits.isEmpty, sawComponent else { throw .invalidValue(property: property, "'\(text)' is not a duration") }
        return ICalDuration(days: sign * days, seconds: sign * seconds)
    }
}
