import Foundation
import Testing

@testable import HubCore

@Suite("Time control: validation and configuration format (ROUTE-7)")
struct ScheduleValidationTests {
    /// (time zone, weekly hours, holidays, expected issue paths)
    static let invalid: [(String, [Weekday: [TimeRange]], [Holiday], [String])] = [
        ("Mars/Olympus_Mons", [:], [], ["$.timeZone"]),
        ("Europe/Helsinki", [.monday: [timeRange("08:00-08:00")]], [], ["$.weeklyHours.monday[0]"]),
        ("Europe/Helsinki", [.tuesday: [TimeRange(start: .endOfDay, end: timeRange("00:00-06:00").end)]], [],
         ["$.weeklyHours.tuesday[0].start"]),
        ("Europe/Helsinki", [.wednesday: [timeRange("08:00-12:00"), timeRange("11:00-13:00")]], [],
         ["$.weeklyHours.wednesday[1]"]),
        ("Europe/Helsinki", [.thursday: [timeRange("20:00-02:00"), timeRange("21:00-22:00")]], [],
         ["$.weeklyHours.thursday[1]"]),
        ("Europe/Helsinki", [.friday: [timeRange("22:00-06:00")], .saturday: [timeRange("05:00-10:00")]], [],
         ["$.weeklyHours.saturday[0]"]),
        ("Europe/Helsinki", [.sunday: [timeRange("22:00-06:00")], .monday: [timeRange("05:00-10:00")]], [],
         ["$.weeklyHours.monday[0]"]),
        ("Europe/Helsinki", [:], [Holiday(date: localDate("2026-12-24"), name: "A"), Holiday(date: localDate("2026-12-24"), name: "B")],
         ["$.holidays[1].date"]),
        ("Europe/Helsinki", [:], [Holiday(date: localDate("2026-12-24"), name: "  ")], ["$.holidays[0].name"]),
        ("Europe/Helsinki", [:], [Holiday(date: localDate("2026-12-24"), name: "Eve", hours: [timeRange("08:00-12:00"), timeRange("09:00-10:00")])],
         ["$.holidays[0].hours[1]"]),
        // Every problem is reported at once.
        ("Nowhere", [.monday: [timeRange("10:00-10:00")]], [Holiday(date: localDate("2026-12-24"), name: "")],
         ["$.timeZone", "$.weeklyHours.monday[0]", "$.holidays[0].name"]),
    ]

    @Test(arguments: invalid)
    func badSchedulesNameEachField(
        _ zone: String, _ weekly: [Weekday: [TimeRange]], _ holidays: [Holiday], _ paths: [String]
    ) {
        #expect(throws: ValidationError.self) { try Schedule(timeZone: zone, weeklyHours: weekly, holidays: holidays) }
        do {
            _ = try Schedule(timeZone: zone, weeklyHours: weekly, holidays: holidays)
        } catch {
            #expect(error.issues.map(\.path) == paths, "\(error)")
        }
    }

    @Test(arguments: ["08:00-11:30", "22:00-06:00", "00:00-24:00", "23:00-00:00"])
    func goodRangesAreAccepted(_ range: String) throws {
        _ = try Schedule(timeZone: "Europe/Stockholm", weeklyHours: [.monday: [timeRange(range)]])
    }

    @Test(arguments: ["24:01", "25:00", "7:5", "12:60", "", "ab:cd", "-1:00", "12:00:00"])
    func badTimesOfDayAreRefused(_ text: String) {
        #expect(LocalTime(text) == nil)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-04-31"])
    func badDatesAreRefused(_ text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func localDatesStepAndKnowTheirWeekday() throws {
        #expect(localDate("2026-11-25").weekday == .wednesday)
        #expect(localDate("1970-01-01").weekday == .thursday)
        #expect(localDate("2024-02-29").weekday == .thursday)
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: number).dayNumber == number)
        }
        #expect(LocalDate(dayNumber: localDate("2026-12-31").dayNumber + 1) == localDate("2027-01-01"))
    }

    @Test func theConfigurationRoundTripsThroughJSON() throws {
        let schedule = try helsinkiOffice(
            nightMode: .forcedClosed(until: utcInstant("2026-12-01T06:00:00Z")),
            holidays: [Holiday(date: localDate("2026-12-24"), name: "Christmas Eve", hours: [timeRange("09:00-12:00")])])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let data = try encoder.encode(schedule)
        let decoded = try decoder.decode(Schedule.self, from: data)
        #expect(decoded == schedule)
        #expect(decoded.state(at: utcInstant("2026-12-24T08:00:00Z")) == openState)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""monday":[{"#))
        #expect(text.contains(#""start":"08:00""#))
        #expect(text.contains(#""mode":"forcedClosed""#))
    }

    @Test(arguments: [
        #"{"timeZone":"Europe/Helsinki","weeklyHours":{"monday":[{"start":"25:00","end":"26:00"}]}}"#,
        #"{"timeZone":"Europe/Helsinki","holidays":[{"date":"2026-02-30","name":"x"}]}"#,
        #"{"timeZone":"Europe/Helsinki","nightMode":{"mode":"auto","until":"2026-01-01T00:00:00Z"}}"#,
        #"{"timeZone":"Europe/Helsinki","nightMode":{"mode":"sleepy"}}"#,
        #"{"timeZone":"Europe/Helsinki","weeklyHours":{"mondy":[]}}"#,
        #"{"timeZone":"Europe/Helsinki","nightmode":{"mode":"forcedClosed"}}"#,
        #"{"timeZone":"Europe/Helsinki","holidays":[{"date":"2026-12-24","name":"x","hour":[]}]}"#,
        #"{"timeZone":"Europe/Helsinki","weeklyHours":{"monday":[{"start":"08:00","end":"16:00","until":"17:00"}]}}"#,
    ])
    func malformedJSONIsRefused(_ json: String) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(throws: DecodingError.self) { try decoder.decode(Schedule.self, from: Data(json.utf8)) }
    }

    @Test func anUnknownZoneInJSONIsAValidationError() {
        let json = #"{"timeZone":"Europe/Atlantis","weeklyHours":{"monday":[{"start":"08:00","end":"16:00"}]}}"#
        #expect(throws: ValidationError(path: "$.timeZone", reason: "'Europe/Atlantis' is not an IANA time zone id such as Europe/Helsinki")) {
            try JSONDecoder().decode(Schedule.self, from: Data(json.utf8))
        }
    }
}
