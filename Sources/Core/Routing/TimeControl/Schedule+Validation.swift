import Foundation

/// The rules a schedule must follow, each reported with the path of the offending field.
extension Schedule {
    /// Most ranges a single day may have.
    static let maxRangesPerDay = 12
    /// Most holidays a schedule may list.
    static let maxHolidays = 1000

    static func check(weeklyHours: [Weekday: [TimeRange]], into issues: inout ValidationCollector) {
        for weekday in Weekday.allCases {
            check(ranges: weeklyHours[weekday] ?? [], path: "$.weeklyHours.\(weekday.rawValue)", into: &issues)
        }
        // An overnight range runs into the next day; an overlap there is almost always a typing error.
        for weekday in Weekday.allCases {
            let next = Weekday.allCases[(weekday.index + 1) % 7]
            for (i, range) in (weeklyHours[weekday] ?? []).enumerated() where range.isOvernight {
                for (j, other) in (weeklyHours[next] ?? []).enumerated() where other.start < range.end {
                    issues.add(
                        "$.weeklyHours.\(next.rawValue)[\(j)]",
                        "\(other) overlaps the overnight range $.weeklyHours.\(weekday.rawValue)[\(i)] (\(range))")
                }
            }
        }
    }

    static func check(holidays: [Holiday], into issues: inout ValidationCollector) {
        if holidays.count > maxHolidays { issues.add("$.holidays", "at most \(maxHolidays) holidays") }
        var firstIndex: [LocalDate: Int] = [:]
        for (index, holiday) in holidays.enumerated() {
            let path = "$.holidays[\(index)]"
            if let earlier = firstIndex[holiday.date] {
                issues.add("\(path).date", "\(holiday.date) is already listed at $.holidays[\(earlier)]")
            } else {
                firstIndex[holiday.date] = index
            }
            let name = holiday.name.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty || holiday.name.count > 80 { issues.add("\(path).name", "must be 1-80 characters") }
            check(ranges: holiday.hours, path: "\(path).hours", into: &issues)
        }
    }

    /// One day's ranges: none empty, `24:00` only as an end, no overlaps, a sane count.
    static func check(ranges: [TimeRange], path: String, into issues: inout ValidationCollector) {
        if ranges.count > maxRangesPerDay { issues.add(path, "at most \(maxRangesPerDay) ranges a day") }
        for (index, range) in ranges.enumerated() {
            if range.start == .endOfDay {
                issues.add("\(path)[\(index)].start", "24:00 can only end a range; start the next day at 00:00")
            } else if range.start == range.end {
                issues.add("\(path)[\(index)]", "\(range) is empty; use 00:00–24:00 for a whole day")
            }
        }
        let order = ranges.indices.filter { ranges[$0].start != .endOfDay && ranges[$0].start != ranges[$0].end }
            .sorted { ranges[$0].start < ranges[$1].start }
        for (previous, next) in zip(order, order.dropFirst())
        where ranges[next].start.minutes < ranges[previous].sameDayMinutes.upperBound {
            issues.add("\(path)[\(next)]", "\(ranges[next]) overlaps \(path)[\(previous)] (\(ranges[previous]))")
        }
    }
}
