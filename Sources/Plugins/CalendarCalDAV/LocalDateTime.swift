import Foundation

/// A wall-clock date and time without a zone (proleptic Gregorian), the unit recurrence rules count in.
///
/// Arithmetic is done on civil day numbers, so expanding a rule never asks Foundation for calendar math;
/// only turning the result into an instant (``instant(in:)``) consults the zone's DST rules.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, e.g. 2026.
    public var year: Int
    /// Month 1...12.
    public var month: Int
    /// Day of month 1...31.
    public var day: Int
    /// Seconds since local midnight (0..<86400).
    public var secondOfDay: Int

    /// Creates a value; callers validate ranges.
    public init(year: Int, month: Int, day: Int, secondOfDay: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.secondOfDay = secondOfDay
    }

    /// Creates the date of civil day number `dayNumber` (days since 1970-01-01) at `secondOfDay`.
    public init(dayNumber: Int, secondOfDay: Int = 0) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day, secondOfDay: secondOfDay)
    }

    /// Days since 1970-01-01 of this date.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4 → index 3)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The same time `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDateTime { LocalDateTime(dayNumber: dayNumber + days, secondOfDay: secondOfDay) }

    /// Whether the fields name a real date and time.
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysIn(month: month, year: year) && (0..<86_400).contains(secondOfDay)
    }

    /// Days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The instant this wall time names in `zone`; times skipped by a DST jump land after the jump.
    public func instant(in zone: TimeZone) -> Date {
        let wall = TimeInterval(dayNumber * 86_400 + secondOfDay)
        let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall))
        var result = wall - TimeInterval(first)
        let second = zone.secondsFromGMT(for: Date(timeIntervalSince1970: result))
        if second != first { result = wall - TimeInterval(second) }
        return Date(timeIntervalSince1970: result)
    }

    /// The wall time of `instant` in `zone`.
    public init(_ instant: Date, in zone: TimeZone) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(dayNumber: days, secondOfDay: seconds - days * 86_400)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.secondOfDay) < (rhs.year, rhs.month, rhs.day, rhs.secondOfDay)
    }

    public var description: String {
        let s = secondOfDay
        func pad(_ n: Int, _ width: Int = 2) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(s / 3600)):\(pad(s / 60 % 60)):\(pad(s % 60))"
    }
}
