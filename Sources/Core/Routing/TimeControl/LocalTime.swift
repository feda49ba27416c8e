/// A wall-clock time of day in minutes, written `HH:MM`; `24:00` is allowed as the end of a range (ROUTE-7).
public struct LocalTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes after local midnight, 0...1440.
    public let minutes: Int

    /// The time `hour:minute`, or nil unless it is 00:00...24:00 with minute 0-59.
    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (also `H:MM`), or nil if the text is not a time of day.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// Local midnight at the start of the day.
    public static let midnight = LocalTime(minutesUnchecked: 0)
    /// Local midnight at the end of the day (`24:00`).
    public static let endOfDay = LocalTime(minutesUnchecked: 1440)

    private init(minutesUnchecked minutes: Int) { self.minutes = minutes }

    /// The hour, 0...24.
    public var hour: Int { minutes / 60 }
    /// The minute, 0...59.
    public var minute: Int { minutes % 60 }

    /// `HH:MM`.
    public var description: String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        let m = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(h):\(m)"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }

    /// Decodes `HH:MM`; anything else fails with the rule in the message.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = LocalTime(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a time of day; use HH:MM from 00:00 to 24:00"))
        }
        self = time
    }

    /// Encodes as `HH:MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
