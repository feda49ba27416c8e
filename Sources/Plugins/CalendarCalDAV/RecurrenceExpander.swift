import Foundation

/// Expands a ``RecurrenceRule`` into the wall-clock starts of its occurrences (RFC 5545 §3.3.10).
///
/// Works on civil dates, so a 09:00 meeting stays at 09:00 local time across DST changes; the caller's
/// `instant` closure places each start in the event's zone. Expansion runs period by period from
/// DTSTART (COUNT needs every earlier occurrence) and stops at the first start at or after `limit`.
public struct RecurrenceExpander: Sendable {
    /// The rule.
    public var rule: RecurrenceRule
    /// DTSTART's wall time; it is always the first occurrence.
    public var start: LocalDateTime
    /// Most occurrences produced, so a hostile rule cannot exhaust memory.
    public var maximumOccurrences: Int
    /// Most periods stepped through without reaching `limit`.
    public var maximumPeriods: Int

    /// Creates an expander.
    public init(rule: RecurrenceRule, start: LocalDateTime, maximumOccurrences: Int = 20_000, maximumPeriods: Int = 200_000) {
        self.rule = rule
        self.start = start
        self.maximumOccurrences = maximumOccurrences
        self.maximumPeriods = maximumPeriods
    }

    /// Occurrence starts before `limit` (exclusive, already capped by UNTIL by the caller), in order.
    ///
    /// Occurrences before `keepFrom` are counted (for COUNT) but not returned, so a long-running series
    /// costs time proportional to its age but memory only for the window; DTSTART is always returned.
    public func occurrences(before limit: Date, keepFrom: Date = .distantPast, instant: (LocalDateTime) -> Date) -> [LocalDateTime] {
        var result: [LocalDateTime] = []
        guard instant(start) < limit else { return result }
        result.append(start)
        var counted = 1
        if rule.count == 1 { return result }
        for period in 1... {
            if period > maximumPeriods { break }
            let index = period - 1
            guard let first = periodStart(index), instant(first) < limit else { break }
            for day in candidates(index) {
                let candidate = LocalDateTime(dayNumber: day, secondOfDay: start.secondOfDay)
                if candidate <= start { continue }
                let at = instant(candidate)
                if at >= limit { return result }
                counted += 1
                if at >= keepFrom { result.append(candidate) }
                if let count = rule.count, counted >= count { return result }
                if result.count >= maximumOccurrences { return result }
            }
        }
        return result
    }

    /// First day (at 00:00) of period `index`; nil when the year leaves the representable range.
    func periodStart(_ index: Int) -> LocalDateTime? {
        let step = index * rule.interval
        switch rule.frequency {
        case .daily:
            return LocalDateTime(dayNumber: start.dayNumber + step)
        case .weekly:
            return LocalDateTime(dayNumber: weekStartDay + 7 * step)
        case .monthly:
            let months = start.year * 12 + start.month - 1 + step
            return months / 12 > 9999 ? nil : LocalDateTime(year: months / 12, month: months % 12 + 1, day: 1)
        case .yearly:
            return start.year + step > 9999 ? nil : LocalDateTime(year: start.year + step, month: 1, day: 1)
        }
    }

    private var weekStartDay: Int { start.dayNumber - (start.weekday - rule.weekStart + 7) % 7 }

    /// Sorted day numbers of period `index` that match the rule's BY parts, after BYSETPOS.
    func candidates(_ index: Int) -> [Int] {
        let step = index * rule.interval
        var days: [Int]
        switch rule.frequency {
        case .daily:
            let day = LocalDateTime(dayNumber: start.dayNumber + step)
            days = matchesDayFilters(day) ? [day.dayNumber] : []
        case .weekly:
            let first = weekStartDay + 7 * step
            let weekdays = rule.byDay.isEmpty ? [start.weekday] : rule.byDay.map(\.weekday)
            days = Set(weekdays.map { first + ($0 - rule.weekStart + 7) % 7 }).sorted()
                .filter { rule.byMonth.isEmpty || rule.byMonth.contains(LocalDateTime(dayNumber: $0).month) }
        case .monthly:
            let months = start.year * 12 + start.month - 1 + step
            let year = months / 12, month = months % 12 + 1
            days = rule.byMonth.isEmpty || rule.byMonth.contains(month) ? daysInMonth(year: year, month: month) : []
        case .yearly:
            let year = start.year + step
            days = daysInYear(year)
        }
        return applySetPositions(days)
    }

    private func matchesDayFilters(_ day: LocalDateTime) -> Bool {
        if !rule.byMonth.isEmpty, !rule.byMonth.contains(day.month) { return false }
        if !rule.byDay.isEmpty, !rule.byDay.contains(where: { $0.weekday == day.weekday }) { return false }
        if !rule.byMonthDay.isEmpty {
            let length = LocalDateTime.daysIn(month: day.month, year: day.year)
            if !rule.byMonthDay.contains(where: { ($0 > 0 ? $0 : length + 1 + $0) == day.day }) { return false }
        }
        return true
    }

    /// Matching days of one month; BYDAY ordinals count within the month.
    private func daysInMonth(year: Int, month: Int) -> [Int] {
        let length = LocalDateTime.daysIn(month: month, year: year)
        let first = LocalDateTime(year: year, month: month, day: 1).dayNumber
        var fromMonthDays: Set<Int>?
        if !rule.byMonthDay.isEmpty {
            fromMonthDays = Set(rule.byMonthDay.map { $0 > 0 ? $0 : length + 1 + $0 }.filter { (1...length).contains($0) }.map { first + $0 - 1 })
        }
        var fromWeekdays: Set<Int>?
        if !rule.byDay.isEmpty { fromWeekdays = weekdayDays(from: first, count: length) }
        let days: Set<Int>
        switch (fromMonthDays, fromWeekdays) {
        case let (monthDays?, weekdays?): days = monthDays.intersection(weekdays)
        case let (monthDays?, nil): days = monthDays
        case let (nil, weekdays?): days = weekdays
        case (nil, nil): days = start.day <= length ? [first + start.day - 1] : []
        }
        return days.sorted()
    }

    /// Matching days of one year for FREQ=YEARLY; with BYMONTH or BYMONTHDAY, BYDAY ordinals count within each month.
    private func daysInYear(_ year: Int) -> [Int] {
        if !rule.byMonth.isEmpty || !rule.byMonthDay.isEmpty {
            let months = rule.byMonth.isEmpty ? Array(1...12) : rule.byMonth.sorted()
            return months.flatMap { month -> [Int] in
                if rule.byMonthDay.isEmpty, rule.byDay.isEmpty {
                    let length = LocalDateTime.daysIn(month: month, year: year)
                    return start.day <= length ? [LocalDateTime(year: year, month: month, day: start.day).dayNumber] : []
                }
                return daysInMonth(year: year, month: month)
            }
        }
        if !rule.byDay.isEmpty {
            let first = LocalDateTime(year: year, month: 1, day: 1).dayNumber
            let length = LocalDateTime(year: year + 1, month: 1, day: 1).dayNumber - first
            return weekdayDays(from: first, count: length).sorted()
        }
        let length = LocalDateTime.daysIn(month: start.month, year: year)
        return start.day <= length ? [LocalDateTime(year: year, month: start.month, day: start.day).dayNumber] : []
    }

    /// Days in `[first, first + count)` matching BYDAY, ordinals counted within that span.
    private func weekdayDays(from first: Int, count: Int) -> Set<Int> {
        var result: Set<Int> = []
        let firstWeekday = LocalDateTime(dayNumber: first).weekday
        for entry in rule.byDay {
            let offset = (entry.weekday - firstWeekday + 7) % 7
            let all = Array(stride(from: first + offset, to: first + count, by: 7))
            if let ordinal = entry.ordinal {
                let position = ordinal > 0 ? ordinal - 1 : all.count + ordinal
                if all.indices.contains(position) { result.insert(all[position]) }
            } else {
                result.formUnion(all)
            }
        }
        return result
    }

    private func applySetPositions(_ days: [Int]) -> [Int] {
        guard !rule.bySetPosition.isEmpty, !days.isEmpty else { return days }
        let picked = rule.bySetPosition.compactMap { position -> Int? in
            let index = position > 0 ? position - 1 : days.count + position
            return days.indices.contains(index) ? days[index] : nil
        }
        return Set(picked).sorted()
    }
}
