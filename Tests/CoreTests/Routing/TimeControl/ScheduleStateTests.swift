import Foundation
import Testing

@testable import HubCore

@Suite("Time control: state across DST and holidays (ROUTE-7)")
struct ScheduleStateTests {
    @Test(arguments: [
        // Ordinary winter Monday (EET = UTC+2): both ranges, lunch closed, boundaries exact.
        ("2026-03-23T05:59:59Z", afterHoursState),
        ("2026-03-23T06:00:00Z", openState),
        ("2026-03-23T09:29:59Z", openState),
        ("2026-03-23T09:30:00Z", afterHoursState),
        ("2026-03-23T10:30:00Z", openState),
        ("2026-03-23T13:59:59Z", openState),
        ("2026-03-23T14:00:00Z", afterHoursState),
        // Summer Monday (EEST = UTC+3): 08:00 local is an hour earlier in UTC.
        ("2026-03-30T04:59:59Z", afterHoursState),
        ("2026-03-30T05:00:00Z", openState),
        // Spring forward, Sunday 29 March: 03:00–04:00 does not exist, so the 03:30 opening happens at the jump.
        ("2026-03-29T00:59:59Z", afterHoursState),
        ("2026-03-29T01:00:00Z", openState),
        ("2026-03-29T01:59:59Z", openState),
        ("2026-03-29T02:00:00Z", afterHoursState),
        // Fall back, Sunday 25 October: 03:00–04:00 happens twice; open from the first 03:30 to 05:00 EET.
        ("2026-10-25T00:29:59Z", afterHoursState),
        ("2026-10-25T00:30:00Z", openState),
        ("2026-10-25T01:15:00Z", openState),  // 03:15 the second time
        ("2026-10-25T02:59:59Z", openState),
        ("2026-10-25T03:00:00Z", afterHoursState),
        // Saturday: closed all day.
        ("2026-03-28T10:00:00Z", afterHoursState),
    ])
    func helsinkiOfficeHours(_ instant: String, _ expected: ScheduleState) throws {
        #expect(try helsinkiOffice().state(at: utcInstant(instant)) == expected)
    }

    @Test(arguments: [
        // Overnight Saturday 22:00–06:00 over spring forward: 22:00 CET (21:00Z) to 06:00 CEST (04:00Z), 7 hours.
        ("2026-03-28T20:59:59Z", afterHoursState),
        ("2026-03-28T21:00:00Z", openState),
        ("2026-03-29T01:00:00Z", openState),
        ("2026-03-29T03:59:59Z", openState),
        ("2026-03-29T04:00:00Z", afterHoursState),
        // Fall-back Sunday is a holiday: the overnight range stops at its midnight (00:00 CEST = 22:00Z).
        ("2026-10-24T20:00:00Z", openState),
        ("2026-10-24T21:59:59Z", openState),
        ("2026-10-24T22:00:00Z", holidayState("Service day")),
        ("2026-10-24T23:00:00Z", openState),  // special hours 01:00 CEST
        ("2026-10-25T00:29:59Z", openState),
        ("2026-10-25T00:30:00Z", holidayState("Service day")),  // the first 02:30
        ("2026-10-25T01:15:00Z", holidayState("Service day")),  // 02:15 the second time: still closed
        ("2026-10-25T22:59:59Z", holidayState("Service day")),
        ("2026-10-25T23:00:00Z", afterHoursState),  // Monday 00:00 CET
        ("2026-10-26T07:00:00Z", openState),  // Monday 08:00 CET
    ])
    func stockholmOvernightAndHolidayOnDSTDays(_ instant: String, _ expected: ScheduleState) throws {
        #expect(try stockholmNightService().state(at: utcInstant(instant)) == expected)
    }

    @Test func aHolidayOnTheSpringForwardDayClosesItsWholeLocalDate() throws {
        let schedule = try helsinkiOffice(holidays: [Holiday(date: localDate("2026-03-29"), name: "Spring day")])
        #expect(schedule.state(at: utcInstant("2026-03-28T21:59:59Z")) == afterHoursState)  // Sat 23:59:59 EET
        #expect(schedule.state(at: utcInstant("2026-03-28T22:00:00Z")) == holidayState("Spring day"))
        #expect(schedule.state(at: utcInstant("2026-03-29T01:30:00Z")) == holidayState("Spring day"))  // would be open
        #expect(schedule.state(at: utcInstant("2026-03-29T20:59:59Z")) == holidayState("Spring day"))  // 23:59:59 EEST
        #expect(schedule.state(at: utcInstant("2026-03-29T21:00:00Z")) == afterHoursState)
        #expect(schedule.nextChange(after: utcInstant("2026-03-28T12:00:00Z")) == utcInstant("2026-03-28T22:00:00Z"))
        #expect(schedule.nextChange(after: utcInstant("2026-03-28T22:00:00Z")) == utcInstant("2026-03-29T21:00:00Z"))
    }

    @Test func aWholeDayRangeJoinsNeighbouringDaysWithoutAChangeAtMidnight() throws {
        let schedule = try Schedule.alwaysOpen(
            timeZone: "Europe/Helsinki", holidays: [Holiday(date: localDate("2027-01-06"), name: "Epiphany")])
        #expect(schedule.state(at: utcInstant("2026-11-25T12:00:00Z")) == openState)
        #expect(schedule.nextChange(after: utcInstant("2026-11-25T12:00:00Z")) == utcInstant("2027-01-05T22:00:00Z"))
        #expect(schedule.nextChange(after: utcInstant("2027-01-05T22:00:00Z")) == utcInstant("2027-01-06T22:00:00Z"))
        #expect(schedule.nextChange(after: utcInstant("2027-01-06T22:00:00Z")) == nil)
    }

    @Test func aScheduleWithoutHoursOrHolidaysNeverChanges() throws {
        let schedule = try Schedule(timeZone: "Europe/Stockholm")
        #expect(schedule.state(at: utcInstant("2026-11-25T12:00:00Z")) == afterHoursState)
        #expect(schedule.nextChange(after: utcInstant("2026-11-25T12:00:00Z")) == nil)
    }
}
