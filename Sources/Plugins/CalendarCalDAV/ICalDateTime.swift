/// A DATE or DATE-TIME value with the zone information it was written with.
public struct ICalDateTime: Sendable, Hashable {
    /// How the value places itself in time.
    public enum Form: Sendable, Hashable {
        /// `VALUE=DATE` (`20261224`): a whole day, floating.
        case date
        /// Local time without zone (`20261224T090000`): the reader's zone applies.
        case floating
        /// UTC (`20261224T090000Z`).
        case utc
        /// Local time in the zone `TZID=` names.
        case zoned(String)
    }

    /// The wall-clock fields (midnight for dates).
    public var local: LocalDateTime
    /// How to place ``local`` in time.
    public var form: Form

    /// Creates a value.
    public init(_ local: LocalDateTime, form: Form) {
        self.local = local
        self.form = form
    }

    /// Whether this is a `VALUE=DATE` value.
    public var isDate: Bool { form == .date }

    /// Parses the value of a DTSTART-like property, honouring `VALUE=DATE` and `TZID=`.
    public static func parse(_ line: ICalContentLine) throws(ICalError) -> ICalDateTime {
        try parse(Substring(line.value), property: line.name, tzid: line.parameter("TZID"), valueType: line.parameter("VALUE"))
    }

    /// Parses a comma-separated list (EXDATE, RDATE).
    public static func parseList(_ line: ICalContentLine) throws(ICalError) -> [ICalDateTime] {
        var result: [ICalDateTime] = []
        for item in line.value.split(separator: ",") {
            result.append(try parse(item, property: line.name, tzid: line.parameter("TZID"), valueType: line.parameter("VALUE")))
        }
        return result
    }

    /// Parses `yyyymmdd` or `yyyymmddThhmmss[Z]`.
    public static func parse(_ text: Substring, property: String, tzid: String?, valueType: String?) throws(ICalError) -> ICalDateTime {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8) else {
            throw .invalidValue(property: property, "'\(text)' is not a date (yyyymmdd)")
        }
        if bytes.count == 8 {
            let value = LocalDateTime(year: year, month: month, day: day)
            guard value.isValid else { throw .invalidValue(property: property, "'\(text)' is not a calendar date") }
            return ICalDateTime(value, form: .date)
        }
        if valueType?.uppercased() == "DATE" { throw .invalidValue(property: property, "'\(text)' is not a DATE value") }
        guard bytes.count == 15 || (bytes.count == 16 && bytes[15] == 0x5A), bytes[8] == 0x54,
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            hour < 24, minute < 60, second <= 60
        else { throw .invalidValue(property: property, "'\(text)' is not a date-time (yyyymmddThhmmss[Z])") }
        // A leap second (:60) is read as the last second of the minute.
        let value = LocalDateTime(year: year, month: month, day: day, secondOfDay: hour * 3600 + minute * 60 + min(second, 59))
        guard value.isValid else { throw .invalidValue(property: property, "'\(text)' is not a calendar date") }
        if bytes.count == 16 { return ICalDateTime(value, form: .utc) }
        if let tzid, !tzid.isEmpty { return ICalDateTime(value, form: .zoned(tzid)) }
        return ICalDateTime(value, form: .floating)
    }
}
