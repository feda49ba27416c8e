/// An RRULE (RFC 5545 §3.3.10) with the parts calendar presence needs.
///
/// Supported: FREQ DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, COUNT, UNTIL, BYDAY (with ordinals for
/// MONTHLY/YEARLY), BYMONTHDAY, BYMONTH, BYSETPOS, WKST. Other parts (BYYEARDAY, BYWEEKNO, BYHOUR …,
/// sub-daily frequencies) throw ``ICalError/unsupported(_:)`` so the caller can fall back to the first
/// occurrence and count the entry.
public struct RecurrenceRule: Sendable, Hashable {
    /// Repetition unit.
    public enum Frequency: String, Sendable, Hashable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// One BYDAY entry: ISO weekday (1 Monday … 7 Sunday) with an optional ordinal (`-1FR`).
    public struct WeekdayNumber: Sendable, Hashable {
        /// Nth occurrence in the month or year (negative from the end); nil for every one.
        public var ordinal: Int?
        /// ISO weekday 1...7.
        public var weekday: Int
    }

    /// FREQ.
    public var frequency: Frequency
    /// INTERVAL (≥ 1).
    public var interval: Int = 1
    /// COUNT, if given.
    public var count: Int?
    /// UNTIL, if given.
    public var until: ICalDateTime?
    /// BYDAY.
    public var byDay: [WeekdayNumber] = []
    /// BYMONTHDAY (−31…31, no 0).
    public var byMonthDay: [Int] = []
    /// BYMONTH (1…12).
    public var byMonth: [Int] = []
    /// BYSETPOS (−366…366, no 0).
    public var bySetPosition: [Int] = []
    /// WKST as an ISO weekday (default Monday).
    public var weekStart: Int = 1

    static let weekdays = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]

    /// Parses the value of an RRULE line.
    public static func parse(_ text: String) throws(ICalError) -> RecurrenceRule {
        var parts: [String: String] = [:]
        for part in text.split(separator: ";") where !part.isEmpty {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw .invalidValue(property: "RRULE", "'\(part)' is not NAME=value") }
            parts[pair[0].uppercased()] = pair[1].uppercased()
        }
        guard let frequencyText = parts.removeValue(forKey: "FREQ") else { throw .invalidValue(property: "RRULE", "FREQ is required") }
        guard let frequency = Frequency(rawValue: frequencyText) else {
            if ["SECONDLY", "MINUTELY", "HOURLY"].contains(frequencyText) { throw .unsupported("RRULE FREQ=\(frequencyText)") }
            throw .invalidValue(property: "RRULE", "FREQ '\(frequencyText)' is not a frequency")
        }
        var rule = RecurrenceRule(frequency: frequency)
        func integers(_ key: String, _ range: ClosedRange<Int>) throws(ICalError) -> [Int] {
            guard let text = parts.removeValue(forKey: key) else { return [] }
            var values: [Int] = []
            for item in text.split(separator: ",") {
                guard let value = Int(item), range.contains(value), value != 0 else {
                    throw .invalidValue(property: "RRULE", "\(key) value '\(item)' is out of range \(range)")
                }
                values.append(value)
            }
            return values
        }
        if let text = parts.removeValue(forKey: "INTERVAL") {
            guard let value = Int(text), value >= 1 else { throw .invalidValue(property: "RRULE", "INTERVAL '\(text)' must be ≥ 1") }
            rule.interval = value
        }
        if let text = parts.removeValue(forKey: "COUNT") {
            guard let value = Int(text), value >= 1 else { throw .invalidValue(property: "RRULE", "COUNT '\(text)' must be ≥ 1") }
            rule.count = value
        }
        if let text = parts.removeValue(forKey: "UNTIL") {
            rule.until = try ICalDateTime.parse(Substring(text), property: "RRULE UNTIL", tzid: nil, valueType: nil)
        }
        if let text = parts.removeValue(forKey: "BYDAY") {
            for item in text.split(separator: ",") {
                guard item.count >= 2, let weekday = weekdays[String(item.suffix(2))] else {
                    throw .invalidValue(property: "RRULE", "BYDAY value '\(item)' is not a weekday")
                }
                let prefix = item.dropLast(2)
                var ordinal: Int?
                if !prefix.isEmpty {
                    guard let value = Int(prefix), value != 0, abs(value) <= 53 else {
                        throw .invalidValue(property: "RRULE", "BYDAY value '\(item)' has a bad ordinal")
                    }
                    ordinal = value
                }
                rule.byDay.append(WeekdayNumber(ordinal: ordinal, weekday: weekday))
            }
        }
        rule.byMonthDay = try integers("BYMONTHDAY", -31...31)
        rule.byMonth = try integers("BYMONTH", 1...12)
        rule.bySetPosition = try integers("BYSETPOS", -366...366)
        if let text = parts.removeValue(forKey: "WKST") {
            guard let weekday = weekdays[text] else { throw .invalidValue(property: "RRULE", "WKST '\(text)' is not a weekday") }
            rule.weekStart = weekday
        }
        if let unknown = parts.keys.sorted().first { throw .unsupported("RRULE \(unknown)") }
        return rule
    }
}
