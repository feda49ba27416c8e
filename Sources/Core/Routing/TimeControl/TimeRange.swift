import Foundation

/// Local office hours from `start` to `end`; an `end` before `start` runs overnight into the next day (ROUTE-7).
///
/// A range belongs to the day it starts on: Monday 22:00–06:00 is open from Monday 22:00 to Tuesday 06:00,
/// unless Tuesday is a holiday, which closes at its midnight. `00:00–24:00` is a whole day.
public struct TimeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// When the range opens (local wall time).
    public var start: LocalTime
    /// When it closes (local wall time); earlier than `start` means the next day.
    public var end: LocalTime

    /// Creates a range; `Schedule` validates it (no empty ranges, `24:00` only as an end).
    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM` (an en dash works too), or nil.
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = LocalTime(parts[0]), let end = LocalTime(parts[1]) else { return nil }
        self.init(start: start, end: end)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case start, end }

    /// Decodes `{"start": "HH:MM", "end": "HH:MM"}`, refusing unknown keys.
    public init(from decoder: any Decoder) throws {
        try TimeControlDecoding.refuseUnknownKeys(in: decoder, allowed: CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(start: try c.decode(LocalTime.self, forKey: .start), end: try c.decode(LocalTime.self, forKey: .end))
    }

    /// Whether the range crosses midnight into the next day.
    public var isOvernight: Bool { end < start }

    /// `HH:MM–HH:MM`.
    public var description: String { "\(start)–\(end)" }

    /// The part on the starting day, in minutes after midnight (`start..<end`, or `start..<1440` overnight).
    var sameDayMinutes: Range<Int> { start.minutes..<(isOvernight ? 1440 : end.minutes) }
}
