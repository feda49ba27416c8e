import Foundation

/// A Notes time zone string as Domino stores it in calendar entries and DRAPI sends as `timeZone`:
/// `Z=5$DO=1$DL=3 2 1 11 1 1$ZX=40$ZN=Eastern`.
///
/// `Z` is the standard offset in hours *west* of GMT (`-1` = CET; half-hour zones as `-MMHH`, so
/// `-3005` = UTC+05:30); `DO=1` means daylight saving is observed, by the law `DL` = start month, week,
/// weekday, end month, week, weekday (week -1 = last; weekday 1 = Sunday). The law carries no time of
/// day: the change is taken at 02:00 local time, so only the hour around a change may be off.
struct NotesTimeZone: Sendable, Equatable {
    /// A daylight saving boundary: the `week`th (or last, -1) `weekday` of `month`.
    struct Boundary: Sendable, Equatable {
        var month: Int
        var week: Int
        var weekday: Int
    }

    /// Seconds east of UTC outside daylight saving time.
    var standardOffset: Int
    /// Start and end of daylight saving time (one hour ahead), if observed.
    var daylight: (start: Boundary, end: Boundary)?
    /// `ZN`, for messages.
    var name: String?

    static func == (lhs: NotesTimeZone, rhs: NotesTimeZone) -> Bool {
        lhs.standardOffset == rhs.standardOffset && lhs.name == rhs.name
            && lhs.daylight?.start == rhs.daylight?.start && lhs.daylight?.end == rhs.daylight?.end
    }

    /// Whether `text` looks like a Notes zone string (rather than an IANA name).
    static func isNotesFormat(_ text: String) -> Bool { text.hasPrefix("Z=") }

    /// Parses a Notes zone string; nil if `Z` is missing or a law is malformed.
    init?(_ text: String) {
        var fields: [String: String] = [:]
        for part in text.split(separator: "$") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0].uppercased()] = pair[1].trimmingCharacters(in: .whitespaces) }
        }
        guard let zone = fields["Z"], let value = Int(zone), abs(value) < 10_000 else { return nil }
        // |Z| ≤ 12: whole hours; otherwise -MMHH (minutes first), as Notes writes half-hour zones.
        let westMinutes = abs(value) <= 14 ? value * 60 : (value < 0 ? -1 : 1) * ((abs(value) % 100) * 60 + abs(value) / 100)
        guard abs(westMinutes) <= 14 * 60 else { return nil }
        standardOffset = -westMinutes * 60
        name = fields["ZN"]
        daylight = nil
        if fields["DO"] == "1", let law = fields["DL"] {
            let numbers = law.split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 6 else { return nil }
            let start = Boundary(month: numbers[0], week: numbers[1], weekday: numbers[2])
            let end = Boundary(month: numbers[3], week: numbers[4], weekday: numbers[5])
            for boundary in [start, end] {
                guard (1...12).contains(boundary.month), (1...5).contains(boundary.week) || boundary.week == -1,
                      (1...7).contains(boundary.weekday) else { return nil }
            }
            daylight = (start, end)
        }
    }

    /// The instant of wall-clock time `local`, given as if it were UTC (see ``DRAPIEvent``'s local times).
    func instant(fromLocal local: Date) -> Date {
        local.addingTimeInterval(-TimeInterval(offset(atLocal: local)))
    }

    /// Seconds east of UTC at wall-clock time `local` (given as if UTC).
    func offset(atLocal local: Date) -> Int {
        guard let daylight else { return standardOffset }
        let year = Self.utc.component(.year, from: local)
        guard let start = Self.moment(daylight.start, year: year), let end = Self.moment(daylight.end, year: year) else {
            return standardOffset
        }
        // Southern-hemisphere laws start late in the year and end early in the next.
        let inDaylight = start < end ? (local >= start && local < end) : (local >= start || local < end)
        return standardOffset + (inDaylight ? 3600 : 0)
    }

    /// 02:00 on the boundary's day of `year`, as wall-clock time given as if UTC.
    private static func moment(_ boundary: Boundary, year: Int) -> Date? {
        guard let first = utc.date(from: DateComponents(year: year, month: boundary.month, day: 1)),
              let days = utc.range(of: .day, in: .month, for: first)?.count else { return nil }
        let firstWeekday = utc.component(.weekday, from: first)
        let firstMatch = 1 + (boundary.weekday - firstWeekday + 7) % 7
        var day = firstMatch + 7 * ((boundary.week == -1 ? 5 : boundary.week) - 1)
        while day > days { day -= 7 }  // "last" (and a fifth week that does not exist)
        return utc.date(from: DateComponents(year: year, month: boundary.month, day: day, hour: 2))
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()
}
