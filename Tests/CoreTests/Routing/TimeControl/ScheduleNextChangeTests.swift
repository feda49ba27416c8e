import Foundation
import Testing

@testable import HubCore

@Suite("Time control: next change and night mode (ROUTE-7, ACD-9e)")
struct ScheduleNextChangeTests {
    @Test func helsinkiSpringForwardChain() throws {
        let chain = scheduleChanges(of: try helsinkiOffice(), from: utcInstant("2026-03-28T23:00:00Z"), count: 5)
        #expect(chain.map(\.0) == [
            utcInstant("2026-03-29T01:00:00Z"),  // 03:30 does not exist: opens at the jump to 04:00 EEST
            utcInstant("2026-03-29T02:00:00Z"),  // 05:00 EEST
            utcInstant("2026-03-30T05:00:00Z"),  // Monday 08:00 EEST
            utcInstant("2026-03-30T08:30:00Z"),  // 11:30
            utcInstant("2026-03-30T09:30:00Z"),  // 12:30
        ])
        #expect(chain.map(\.1) == [openState, afterHoursState, openState, afterHoursState, openState])
    }

    @Test func helsinkiFallBackChain() throws {
        let chain = scheduleChanges(of: try helsinkiOffice(), from: utcInstant("2026-10-24T22:00:00Z"), count: 3)
        #expect(chain.map(\.0) == [
            utcInstant("2026-10-25T00:30:00Z"),  // first 03:30 (EEST)
            utcInstant("2026-10-25T03:00:00Z"),  // 05:00 EET: the repeated hour stays open
            utcInstant("2026-10-26T06:00:00Z"),  // Monday 08:00 EET
        ])
        #expect(chain.map(\.1) == [openState, afterHoursState, openState])
    }

    @Test func stockholmOvernightIntoAHolidayOnTheFallBackDay() throws {
        let chain = scheduleChanges(of: try stockholmNightService(), from: utcInstant("2026-10-24T12:00:00Z"), count: 7)
        #expect(chain.map(\.0) == [
            utcInstant("2026-10-24T20:00:00Z"),  // Saturday 22:00 CEST
            utcInstant("2026-10-24T22:00:00Z"),  // holiday midnight cuts the overnight range
            utcInstant("2026-10-24T23:00:00Z"),  // special hours 01:00 CEST
            utcInstant("2026-10-25T00:30:00Z"),  // the first 02:30
            utcInstant("2026-10-25T23:00:00Z"),  // Monday 00:00 CET: the reason changes to after hours
            utcInstant("2026-10-26T07:00:00Z"),  // Monday 08:00 CET
            utcInstant("2026-10-26T16:00:00Z"),
        ])
        #expect(chain.map(\.1) == [
            openState, holidayState("Service day"), openState, holidayState("Service day"), afterHoursState, openState, afterHoursState,
        ])
    }

    /// (night mode, instant, expected state, expected next change)
    static let nightModeCases: [(NightMode, String, ScheduleState, String?)] = [
        // Forced closed during office hours until 10:00 EET, when the office is open anyway.
        (.forcedClosed(until: utcInstant("2026-03-23T08:00:00Z")), "2026-03-23T07:00:00Z", nightModeState, "2026-03-23T08:00:00Z"),
        (.forcedClosed(until: utcInstant("2026-03-23T08:00:00Z")), "2026-03-23T08:00:00Z", openState, "2026-03-23T09:30:00Z"),
        // Forced closed until the lunch break: the reason changes (night mode → after hours) at `until`.
        (.forcedClosed(until: utcInstant("2026-03-23T10:00:00Z")), "2026-03-23T07:00:00Z", nightModeState, "2026-03-23T10:00:00Z"),
        // Forced closed until 11:00 EET and base is closed from 11:30: the change is at `until` (to open).
        (.forcedClosed(until: utcInstant("2026-03-23T09:00:00Z")), "2026-03-23T05:00:00Z", nightModeState, "2026-03-23T09:00:00Z"),
        // Forced closed with no end: never changes by itself.
        (.forcedClosed(until: nil), "2026-03-23T07:00:00Z", nightModeState, nil),
        // Forced open at night until an instant that is within office hours: the next change is 11:30.
        (.forcedOpen(until: utcInstant("2026-03-23T07:00:00Z")), "2026-03-23T02:00:00Z", openState, "2026-03-23T09:30:00Z"),
        (.forcedOpen(until: nil), "2026-03-28T12:00:00Z", openState, nil),
        // An expired override behaves as auto.
        (.forcedClosed(until: utcInstant("2026-03-20T00:00:00Z")), "2026-03-23T07:00:00Z", openState, "2026-03-23T09:30:00Z"),
    ]

    @Test(arguments: nightModeCases)
    func nightModeOverridesTheSchedule(_ mode: NightMode, _ instant: String, _ state: ScheduleState, _ next: String?) throws {
        let schedule = try helsinkiOffice(nightMode: mode)
        #expect(schedule.state(at: utcInstant(instant)) == state)
        #expect(schedule.nextChange(after: utcInstant(instant)) == next.map(utcInstant))
    }

    @Test func forcedOpenBeatsAHolidayAndEndsIntoIt() throws {
        let schedule = try helsinkiOffice(
            nightMode: .forcedOpen(until: utcInstant("2026-12-24T10:00:00Z")),
            holidays: [Holiday(date: localDate("2026-12-24"), name: "Christmas Eve")])
        #expect(schedule.state(at: utcInstant("2026-12-24T08:00:00Z")) == openState)
        #expect(schedule.nextChange(after: utcInstant("2026-12-24T08:00:00Z")) == utcInstant("2026-12-24T10:00:00Z"))
        #expect(schedule.state(at: utcInstant("2026-12-24T10:00:00Z")) == holidayState("Christmas Eve"))
    }

    @Test func nightModeUntilTheRepeatedHourOfAHolidayOnTheFallBackDay() throws {
        // Switched to night mode on Saturday evening until 02:15 CET, the *second* 02:15 of the fall-back night.
        let until = utcInstant("2026-10-25T01:15:00Z")
        let schedule = try stockholmNightService(nightMode: .forcedClosed(until: until))
        #expect(schedule.state(at: utcInstant("2026-10-24T21:00:00Z")) == nightModeState)  // would be open
        #expect(schedule.state(at: utcInstant("2026-10-24T23:30:00Z")) == nightModeState)  // holiday special hours
        #expect(schedule.nextChange(after: utcInstant("2026-10-24T21:00:00Z")) == until)
        #expect(schedule.state(at: until) == holidayState("Service day"))
        #expect(schedule.nextChange(after: until) == utcInstant("2026-10-25T23:00:00Z"))
    }

    @Test func nextChangeIsStrictlyLaterAndTheStateReallyDiffers() throws {
        let schedule = try stockholmNightService()
        var cursor = utcInstant("2026-10-20T00:00:00Z")
        for _ in 0..<40 {
            let next = try #require(schedule.nextChange(after: cursor))
            #expect(next > cursor)
            #expect(schedule.state(at: next) != schedule.state(at: cursor))
            // No change hides in between: probe every 15 minutes.
            var probe = cursor
            while probe < next {
                #expect(schedule.state(at: probe) == schedule.state(at: cursor), "\(probe)")
                probe += 900
            }
            cursor = next
        }
    }
}
