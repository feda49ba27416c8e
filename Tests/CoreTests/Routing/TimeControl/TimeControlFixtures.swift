import Foundation

@testable import HubCore

/// An instant written in UTC (`2026-03-29T01:00:00Z`), so expectations never depend on the code under test.
func utcInstant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
}

/// A range from `"08:00-11:30"`.
func timeRange(_ text: String) -> TimeRange { TimeRange(text)! }

/// A local date from `"2026-12-24"`.
func localDate(_ text: String) -> LocalDate { LocalDate(text)! }

/// Readable states for tables.
let openState = ScheduleState.open
let afterHoursState = ScheduleState.closed(.afterHours)
let nightModeState = ScheduleState.closed(.nightMode)
func holidayState(_ name: String) -> ScheduleState { .closed(.holiday(name: name)) }

/// Helsinki office: weekdays 08:00–11:30 and 12:30–16:00, Sundays 03:30–05:00 (crossing both DST changes).
/// EU 2026: clocks spring forward on 29 March and fall back on 25 October, both at 01:00 UTC.
func helsinkiOffice(nightMode: NightMode = .auto, holidays: [Holiday] = []) throws -> Schedule {
    let weekday = [timeRange("08:00-11:30"), timeRange("12:30-16:00")]
    return try Schedule(
        timeZone: "Europe/Helsinki",
        weeklyHours: [
            .monday: weekday, .tuesday: weekday, .wednesday: weekday, .thursday: weekday, .friday: weekday,
            .sunday: [timeRange("03:30-05:00")],
        ],
        holidays: holidays, nightMode: nightMode)
}

/// Stockholm night service: weekdays 08:00–17:00, Saturday 22:00–06:00 overnight, and a holiday on the
/// fall-back Sunday (2026-10-25, 02:00–03:00 happens twice) open only 01:00–02:30.
func stockholmNightService(nightMode: NightMode = .auto) throws -> Schedule {
    let weekday = [timeRange("08:00-17:00")]
    return try Schedule(
        timeZone: "Europe/Stockholm",
        weeklyHours: [
            .monday: weekday, .tuesday: weekday, .wednesday: weekday, .thursday: weekday, .friday: weekday,
            .saturday: [timeRange("22:00-06:00")],
        ],
        holidays: [Holiday(date: localDate("2026-10-25"), name: "Service day", hours: [timeRange("01:00-02:30")])],
        nightMode: nightMode)
}

/// Follows `nextChange` from `start` `count` times, returning each change with the state it brings.
func scheduleChanges(of schedule: Schedule, from start: Date, count: Int) -> [(Date, ScheduleState)] {
    var result: [(Date, ScheduleState)] = []
    var cursor = start
    for _ in 0..<count {
        guard let next = schedule.nextChange(after: cursor) else { break }
        result.append((next, schedule.state(at: next)))
        cursor = next
    }
    return result
}
