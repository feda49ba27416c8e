import CalendarCalDAVPlugin
import Foundation
import Testing

@Suite("CalDAV RRULE expansion")
struct RecurrenceExpanderTests {
    static let utc = CalDAVFixtures.zone("UTC")

    static func local(_ text: String) -> LocalDateTime {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return LocalDateTime(year: parts[0], month: parts[1], day: parts[2], secondOfDay: 9 * 3600)
    }

    @Test("rule parts expand to the right dates", arguments: [
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=3", "2026-03-29", ["2026-03-29", "2027-03-28", "2028-03-26"]),
        ("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4", "2026-01-31", ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31"]),
        ("FREQ=MONTHLY;COUNT=3", "2026-01-31", ["2026-01-31", "2026-03-31", "2026-05-31"]),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3", "2026-01-30", ["2026-01-30", "2026-02-27", "2026-03-31"]),
        ("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", "2026-01-31", ["2026-01-31", "2026-02-28", "2026-03-31"]),
        ("FREQ=YEARLY;COUNT=3", "2024-02-29", ["2024-02-29", "2028-02-29", "2032-02-29"]),
        ("FREQ=DAILY;INTERVAL=3;COUNT=3", "2026-12-30", ["2026-12-30", "2027-01-02", "2027-01-05"]),
        ("FREQ=DAILY;BYMONTH=1;COUNT=3", "2026-12-30", ["2026-12-30", "2027-01-01", "2027-01-02"]),
        ("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", "2026-01-13", ["2026-01-13", "2026-02-10", "2026-03-10"]),
        ("FREQ=YEARLY;BYDAY=20MO;COUNT=2", "2026-05-18", ["2026-05-18", "2027-05-17"]),
        ("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4", "2026-12-29", ["2026-12-29", "2026-12-31", "2027-01-05", "2027-01-07"]),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU;COUNT=4", "2026-11-29", ["2026-11-29", "2026-11-30", "2026-12-13", "2026-12-14"]),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=MO;COUNT=4", "2026-11-29", ["2026-11-29", "2026-12-07", "2026-12-13", "2026-12-21"]),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2026-01-01", ["2026-01-01"]),
    ])
    func expands(rule text: String, start: String, expected: [String]) throws {
        let rule = try RecurrenceRule.parse(text)
        let starts = RecurrenceExpander(rule: rule, start: Self.local(start))
            .occurrences(before: CalDAVFixtures.utc("2040-01-01T00:00:00Z")) { $0.instant(in: Self.utc) }
        #expect(starts == expected.map(Self.local), "\(starts)")
    }

    @Test("expansion stops at the limit without COUNT and caps runaway rules")
    func limits() throws {
        let daily = try RecurrenceRule.parse("FREQ=DAILY")
        let starts = RecurrenceExpander(rule: daily, start: Self.local("2016-01-01"))
            .occurrences(before: CalDAVFixtures.utc("2026-01-01T00:00:00Z")) { $0.instant(in: Self.utc) }
        #expect(starts.count == 3653)
        #expect(starts.last == Self.local("2025-12-31"))
        let kept = RecurrenceExpander(rule: try RecurrenceRule.parse("FREQ=DAILY;COUNT=3000"), start: Self.local("2016-01-01"))
            .occurrences(before: CalDAVFixtures.utc("2030-01-01T00:00:00Z"), keepFrom: CalDAVFixtures.utc("2024-03-15T00:00:00Z")) { $0.instant(in: Self.utc) }
        // DTSTART, then 2024-03-15 … 2024-03-18 (the 3,000th day is 2024-03-18).
        #expect(kept == [Self.local("2016-01-01"), Self.local("2024-03-15"), Self.local("2024-03-16"), Self.local("2024-03-17"), Self.local("2024-03-18")])
        let capped = RecurrenceExpander(rule: daily, start: Self.local("2016-01-01"), maximumOccurrences: 10)
            .occurrences(before: .distantFuture) { $0.instant(in: Self.utc) }
        #expect(capped.count == 10)
    }

    @Test("bad and unsupported rules are refused with the part named", arguments: [
        ("FREQ=YEARLY;BYWEEKNO=20", "unsupported: RRULE BYWEEKNO"),
        ("FREQ=HOURLY", "unsupported: RRULE FREQ=HOURLY"),
        ("INTERVAL=2", "FREQ is required"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL '0'"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY value 'XX'"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY value '32'"),
        ("FREQ=DAILY;UNTIL=2026", "RRULE UNTIL"),
        ("FREQ=FORTNIGHTLY", "not a frequency"),
    ])
    func refused(text: String, message: String) {
        #expect(throws: (any Error).self) { try RecurrenceRule.parse(text) }
        do { _ = try RecurrenceRule.parse(text) } catch { #expect("\(error)".contains(message), "\(error)") }
    }

    @Test("civil day numbers, weekdays and wall-time instants across DST", arguments: [
        // 03:30 does not exist on 29 March in Helsinki: it lands after the gap, at 04:30 EEST.
        ("Europe/Helsinki", [2026, 3, 29, 3 * 3600 + 1800], "2026-03-29T01:30:00Z", false),
        ("Europe/Helsinki", [2026, 10, 25, 9 * 3600], "2026-10-25T07:00:00Z", true),
        ("America/New_York", [2026, 3, 8, 12 * 3600], "2026-03-08T16:00:00Z", true),
        ("UTC", [1969, 12, 31, 0], "1969-12-31T00:00:00Z", true),
    ])
    func wallTime(zone: String, fields: [Int], expected: String, exists: Bool) {
        let (year, month, day, second) = (fields[0], fields[1], fields[2], fields[3])
        let local = LocalDateTime(year: year, month: month, day: day, secondOfDay: second)
        let instant = local.instant(in: CalDAVFixtures.zone(zone))
        #expect(instant == CalDAVFixtures.utc(expected))
        #expect((LocalDateTime(instant, in: CalDAVFixtures.zone(zone)) == local) == exists)
        #expect(LocalDateTime(dayNumber: local.dayNumber, secondOfDay: second) == local)
        #expect(LocalDateTime(year: 2026, month: 11, day: 25).weekday == 3)
    }
}
