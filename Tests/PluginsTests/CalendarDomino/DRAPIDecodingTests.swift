@testable import CalendarDominoPlugin
import Foundation
import HubCore
import HubPluginSupport
import Testing

@Suite("Domino REST API (PIM) calendar decoding")
struct DRAPIDecodingTests {
    static let date = DominoDecodingTests.date
    static let stockholm = DominoDecodingTests.stockholm

    static func events(_ file: String) throws -> [DRAPIEvent] {
        try JSONDecoder().decode([DRAPIEvent].self, from: CalendarFixtureServer.data("domino/\(file)"))
    }

    @Test("the OpenAPI document's calendar example: Notes zone Eastern in June, the chair owns it, {\"null\": true} is no category")
    func documentedExample() throws {
        let event = try #require(try Self.events("drapi-calendar-docs-example.json").first)
        #expect(try event.block(mailbox: "UserOne@someCompany.com", zone: .gmt) == CalendarBlock(
            id: "9C1B7BB6574C558A00258AD6005223CC", start: Self.date("2024-06-11T13:00:00Z"), end: Self.date("2024-06-11T14:00:00Z"),
            showAs: .busy, response: .organizer, subject: "Here is a meeting you should have"))
        // An invited attendee who has not answered sees it as tentative.
        let invited = try event.block(mailbox: "usertwo@somecompany.com", zone: .gmt)
        #expect(invited.showAs == .tentative && invited.response == .notResponded)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var title: String
        var expected: CalendarBlock
        var testDescription: String { title }
    }

    static let rows: [Row] = [
        Row(title: "Budget meeting", expected: CalendarBlock(
            id: "A1B2C3D4E5F60718C1258D6A0041B2C3", start: date("2026-05-04T10:00:00Z"), end: date("2026-05-04T11:00:00Z"),
            showAs: .busy, response: .accepted, subject: "Budget meeting")),
        Row(title: "Doctor", expected: CalendarBlock(
            id: "0F1E2D3C4B5A6978C1258D6A0041B2C4", start: date("2026-05-04T13:00:00Z"), end: date("2026-05-04T14:00:00Z"),
            showAs: .busy, sensitivity: .private, subject: "Doctor")),
        Row(title: "Vacation", expected: CalendarBlock(
            id: "1122334455667788C1258D6A0041B2C5", start: date("2026-05-05T22:00:00Z"), end: date("2026-05-06T22:00:00Z"),
            isAllDay: true, showAs: .busy, categories: ["Presence"], subject: "Vacation")),
        Row(title: "Focus time", expected: CalendarBlock(
            id: "1122334455667788C1258D6A0041B2C6", start: date("2026-05-05T07:00:00Z"), end: date("2026-05-05T08:00:00Z"),
            showAs: .free, subject: "Focus time")),
        Row(title: "Planning", expected: CalendarBlock(
            id: "1122334455667788C1258D6A0041B2C7", start: date("2026-05-05T08:00:00Z"), end: date("2026-05-05T09:00:00Z"),
            showAs: .tentative, response: .notResponded, subject: "Planning")),
        Row(title: "Daily standup", expected: CalendarBlock(
            id: "1122334455667788C1258D6A0041B2C8/2026-05-05T11:00:00", start: date("2026-05-05T09:00:00Z"),
            end: date("2026-05-05T09:15:00Z"), showAs: .busy, subject: "Daily standup")),
        Row(title: "Workshop", expected: CalendarBlock(
            id: "1122334455667788C1258D6A0041B2C9", start: date("2026-05-05T12:00:00Z"), end: date("2026-05-05T14:00:00Z"),
            showAs: .busy, sensitivity: .confidential, categories: ["Workshop"], subject: "Workshop")),
        Row(title: "Review", expected: CalendarBlock(
            id: "1122334455667788C1258D6A0041B2CA", start: date("2026-05-06T12:00:00Z"), end: date("2026-05-06T12:30:00Z"),
            showAs: .busy, isCancelled: true, subject: "Review")),
        Row(title: "Offsite prep", expected: CalendarBlock(
            id: "1122334455667788C1258D6A0041B2CB", start: date("2026-05-07T12:00:00Z"), end: date("2026-05-07T13:00:00Z"),
            showAs: .busy, response: .declined, subject: "Offsite prep")),
    ]

    @Test("fixture entries map to blocks (Notes and IANA zones, floating whole days in the mailbox zone)", arguments: rows)
    func mapping(row: Row) throws {
        let event = try #require(try Self.events("drapi-calendar-alice.json").first { $0.title == row.title })
        #expect(try event.block(mailbox: "alice@example.com", zone: Self.stockholm) == row.expected)
    }

    @Test("Notes zone strings: offset west of GMT, -MMHH half hours, DST laws north and south", arguments: [
        ("Z=5$DO=1$DL=3 2 1 11 1 1$ZX=40$ZN=Eastern", "2026-01-15T09:00:00", "2026-01-15T14:00:00Z"),
        ("Z=5$DO=1$DL=3 2 1 11 1 1$ZX=40$ZN=Eastern", "2026-03-08T01:59:00", "2026-03-08T06:59:00Z"),
        ("Z=5$DO=1$DL=3 2 1 11 1 1$ZX=40$ZN=Eastern", "2026-03-08T03:00:00", "2026-03-08T07:00:00Z"),
        ("Z=-1$DO=1$DL=3 -1 1 10 -1 1$ZX=4$ZN=W. Europe", "2026-10-24T12:00:00", "2026-10-24T10:00:00Z"),
        ("Z=-1$DO=1$DL=3 -1 1 10 -1 1$ZX=4$ZN=W. Europe", "2026-10-26T12:00:00", "2026-10-26T11:00:00Z"),
        ("Z=-3005$DO=0$ZX=35$ZN=India", "2026-07-01T12:00:00", "2026-07-01T06:30:00Z"),
        ("Z=-3004$DO=0$ZX=0$ZN=Afghanistan", "2026-07-01T12:00:00", "2026-07-01T07:30:00Z"),
        ("Z=-10$DO=1$DL=10 1 1 4 1 1$ZX=76$ZN=AUS Eastern", "2026-01-10T12:00:00", "2026-01-10T01:00:00Z"),
        ("Z=-10$DO=1$DL=10 1 1 4 1 1$ZX=76$ZN=AUS Eastern", "2026-06-10T12:00:00", "2026-06-10T02:00:00Z"),
    ])
    func notesZones(zone: String, local: String, utc: String) throws {
        let parsed = try #require(NotesTimeZone(zone))
        let wall = try #require(DRAPIEvent.localTime(local))
        #expect(parsed.instant(fromLocal: wall) == Self.date(utc))
    }

    @Test("JSCalendar durations", arguments: [
        ("PT1H", 0, 3600.0), ("PT15M", 0, 900), ("P1D", 1, 0), ("P1W2DT3H4M5.5S", 9, 11045.5), ("pt30s", 0, 30),
    ])
    func durations(text: String, days: Int, seconds: Double) throws {
        let duration = try #require(JSCalendarDuration(text))
        #expect(duration.days == days && duration.seconds == seconds)
    }

    @Test("malformed durations are refused", arguments: ["", "P", "PT", "1H", "PT1D", "P1H", "P-1D", "P1.5D", "PT1H30"])
    func badDurations(text: String) {
        #expect(JSCalendarDuration(text) == nil)
    }

    @Test("bad entries are refused naming the field", arguments: [
        (#"{"start":"2026-05-04T10:00:00"}"#, "entry has no uid"),
        (#"{"uid":"x"}"#, "entry has no start"),
        (#"{"uid":"x","start":"2026-05-04 10:00"}"#, "start '2026-05-04 10:00' is not a JSCalendar LocalDateTime"),
        (#"{"uid":"x","start":"2026-02-30T10:00:00"}"#, "start '2026-02-30T10:00:00' is not a JSCalendar LocalDateTime"),
        (#"{"uid":"x","start":"2026-05-04T10:00:00","duration":"1h"}"#, "duration '1h' is not a JSCalendar duration"),
        (#"{"uid":"x","start":"2026-05-04T10:00:00","timeZone":"Eastern"}"#, "timeZone 'Eastern' is neither an IANA zone nor a Notes zone string"),
        (#"{"uid":"x","start":"2026-05-04T10:00:00","timeZone":"Z=5$DO=1$DL=3 2"}"#, "timeZone 'Z=5$DO=1$DL=3 2' is neither an IANA zone nor a Notes zone string"),
    ])
    func badEntries(json: String, message: String) throws {
        let event = try JSONDecoder().decode(DRAPIEvent.self, from: Data(json.utf8))
        do {
            _ = try event.block(mailbox: "alice@example.com", zone: .gmt)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("mailbox ids from the user's calendar field", arguments: [
        ("alice@example.com", "alice@example.com"), (" mail\\alice.nsf ", "mail/alice.nsf"), ("C1258D6A0041B2C3", "C1258D6A0041B2C3"),
    ])
    func mailboxIDs(address: String, id: String) throws {
        #expect(try DRAPICalendarSource.mailboxID(address) == id)
    }

    @Test("calendar fields that cannot be a mailbox id are refused", arguments: ["", "a&b", "mail/../names.nsf", "x?y"])
    func badMailboxIDs(address: String) {
        #expect(throws: CalendarSourceError.self) { try DRAPICalendarSource.mailboxID(address) }
    }
}
