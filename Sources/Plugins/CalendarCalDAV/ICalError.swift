/// Why an iCalendar object could not be read.
public enum ICalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text breaks the content-line grammar or the component nesting.
    case malformed(line: Int, String)
    /// A property value is invalid (`DTSTART: '2026-13-01' is not a date`).
    case invalidValue(property: String, String)
    /// A required property is missing (`VEVENT UID`).
    case missing(String)
    /// A valid construct this reader does not implement (`RRULE BYWEEKNO`).
    case unsupported(String)

    public var description: String {
        switch self {
        case let .malformed(line, reason): "content line \(line): \(reason)"
        case let .invalidValue(property, reason): "\(property): \(reason)"
        case let .missing(what): "missing \(what)"
        case let .unsupported(what): "unsupported: \(what)"
        }
    }
}
