import Foundation

extension Schedule {
    /// Days scanned one by one before only holidays can bring a change (three weeks: a DST day that empties
    /// a range cannot hide a weekday's change in every week).
    static let scanDays = 22

    /// Whether the schedule is open at `date`, and if not, why; night mode first, then holidays, then weekly hours.
    public func state(at date: Date) -> ScheduleState {
        if let forced = nightMode.override(at: date) { return forced.state }
        return baseState(at: date)
    }

    /// The first instant after `date` at which ``state(at:)`` differs from `state(at: date)`, or nil if never.
    ///
    /// A change of closed reason (after hours → holiday) counts as a change. Set one timer for it and ask again.
    public func nextChange(after date: Date) -> Date? {
        let current = state(at: date)
        guard let forced = nightMode.override(at: date) else { return nextBaseChange(after: date, from: current) }
        guard let until = forced.until else { return nil }
        if baseState(at: until) != current { return until }
        return nextBaseChange(after: until, from: current)
    }

    /// The state by office hours and holidays alone.
    func baseState(at date: Date) -> ScheduleState {
        let day = clock.local(date).day
        let converter = clock.converter(days: (day - 1)...(day + 1))
        for owner in [day - 1, day] where openIntervals(ownedBy: owner, converter).contains(where: { $0.contains(date) }) {
            return .open
        }
        return .closed(closedReason(day: day))
    }

    func closedReason(day: Int) -> ScheduleState.ClosedReason {
        holidaysByDay[day].map { .holiday(name: $0.name) } ?? .afterHours
    }

    /// The open spans of the ranges that start on local day `day`; empty spans (a range inside a DST gap) are dropped.
    func openIntervals(ownedBy day: Int, _ converter: ZoneClock.Converter) -> [OpenSpan] {
        let ranges = holidaysByDay[day]?.hours ?? hoursByWeekday[LocalDate(dayNumber: day).weekday.index]
        return ranges.compactMap { range in
            let start = converter.instant(day: day, second: range.start.minutes * 60)
            let end: Date
            if !range.isOvernight {
                end = converter.instant(day: day, second: range.end.minutes * 60)
            } else if holidaysByDay[day + 1] != nil {
                end = converter.instant(day: day + 1, second: 0)
            } else {
                end = converter.instant(day: day + 1, second: range.end.minutes * 60)
            }
            return start < end ? OpenSpan(start: start, end: end) : nil
        }
    }

    /// The first instant after `date` where the office-hours state differs from `current`.
    func nextBaseChange(after date: Date, from current: ScheduleState) -> Date? {
        let first = clock.local(date).day - 1
        var days = Array(first...(first + Schedule.scanDays))
        // Past the scanned weeks only holidays (and the days around them) can bring a change.
        for holiday in holidaysByDay.keys.sorted() where holiday > first + Schedule.scanDays - 1 {
            days += [holiday - 1, holiday, holiday + 1].filter { $0 > days.last ?? first }
        }
        var candidates: [Date] = []
        for day in days {
            candidates.append(clock.startOfDay(day))
            for span in openIntervals(ownedBy: day, clock.converter(days: (day - 1)...(day + 2))) {
                candidates += [span.start, span.end]
            }
        }
        return candidates.filter { $0 > date }.sorted().first { baseState(at: $0) != current }
    }

    /// A half-open span `[start, end)` during which a range is open.
    struct OpenSpan {
        let start: Date
        let end: Date
        func contains(_ date: Date) -> Bool { start <= date && date < end }
    }
}
