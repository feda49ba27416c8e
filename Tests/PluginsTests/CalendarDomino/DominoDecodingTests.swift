@testable import CalendarDominoPlugin
import Foundation
import HubCore
import HubPluginSupport
import Testing

@Suite("Domino Access Services calendar decoding")
struct DominoDecodingTests {
    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }

    static let stockholm = TimeZone(identifier: "Europe/Stockholm") ?? .gmt

    static func events(_ file: String) throws -> [DominoEvent] {
        try JSONDecoder().decode(DominoEventList.self, from: CalendarFixtureServer.data("domino/\(file)")).events
    }

    @Test("IBM's documented event example")
    func documentedExample() throws {
        let event = try #require(try Self.events("events-docs-example.json").first)
        #expect(try event.block(zone: .gmt) == CalendarBlock(
            id: "9008092AE62C4C9485257BCF006F2FEC-Lotus_Notes_Generated", start: Self.date("2013-09-09T17:00:00Z"),
            end: Self.date("2013-09-09T18:00:00Z"), showAs: .busy, subject: "Dentist appointment"))
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var summary: String
        var expected: CalendarBlock
        var testDescription: String { summary }
    }

    static let rows: [Row] = [
        Row(summary: "Budget meeting", expected: CalendarBlock(
            id: "A1B2C3D4E5F60718293A4B5C6D7E8F90-Lotus_Notes_Generated", start: date("2026-05-04T10:00:00Z"),
            end: date("2026-05-04T11:00:00Z"), showAs: .busy, subject: "Budget meeting")),
        Row(summary: "Doctor", expected: CalendarBlock(
            id: "0F1E2D3C4B5A69788796A5B4C3D2E1F0-Lotus_Notes_Generated", start: date("2026-05-04T13:00:00Z"),
            end: date("2026-05-04T14:00:00Z"), showAs: .busy, sensitivity: .private, subject: "Doctor")),
        Row(summary: "Vacation", expected: CalendarBlock(
            id: "1122334455667788990011223344556A-Lotus_Notes_Generated", start: date("2026-05-05T22:00:00Z"),
            end: date("2026-05-06T22:00:00Z"), isAllDay: true, showAs: .busy, subject: "Vacation")),
        Row(summary: "Anniversary: Example Ltd", expected: CalendarBlock(
            id: "1122334455667788990011223344556B-Lotus_Notes_Generated", start: date("2026-05-04T22:00:00Z"),
            end: date("2026-05-05T22:00:00Z"), isAllDay: true, showAs: .free, subject: "Anniversary: Example Ltd")),
        Row(summary: "Focus time", expected: CalendarBlock(
            id: "1122334455667788990011223344556C-Lotus_Notes_Generated", start: date("2026-05-05T07:00:00Z"),
            end: date("2026-05-05T08:00:00Z"), showAs: .free, subject: "Focus time")),
        Row(summary: "Planning (invitation)", expected: CalendarBlock(
            id: "1122334455667788990011223344556D-Lotus_Notes_Generated", start: date("2026-05-05T08:00:00Z"),
            end: date("2026-05-05T09:00:00Z"), showAs: .tentative, response: .notResponded, subject: "Planning (invitation)")),
        Row(summary: "Daily standup", expected: CalendarBlock(
            id: "1122334455667788990011223344556E-Lotus_Notes_Generated/20260505T090000Z", start: date("2026-05-05T09:00:00Z"),
            end: date("2026-05-05T09:15:00Z"), showAs: .busy, subject: "Daily standup")),
        Row(summary: "Workshop", expected: CalendarBlock(
            id: "1122334455667788990011223344556F-Lotus_Notes_Generated", start: date("2026-05-05T12:00:00Z"),
            end: date("2026-05-05T14:00:00Z"), showAs: .busy, sensitivity: .confidential, subject: "Workshop")),
    ]

    @Test("fixture events map to blocks (whole days in the mailbox zone)", arguments: rows)
    func mapping(row: Row) throws {
        let event = try #require(try Self.events("events-alice.json").first { $0.summary == row.summary })
        #expect(try event.block(zone: Self.stockholm) == row.expected)
    }

    @Test("bad events are refused naming the field", arguments: [
        (#"{"id":"x","end":{"date":"2026-05-04"}}"#, "event has no start"),
        (#"{"id":"x","start":{"date":"2026-5","time":"10:00:00","utc":true}}"#, "start '2026-5' is not a DAS date/time"),
        (#"{"id":"x","start":{"date":"2026-05-04","time":"25:00:00","utc":true}}"#, "start '25:00:00' is not a DAS date/time"),
        (#"{"id":"x","start":{"date":"2026-05-04","time":"10:00:00","tzid":"Eastern"}}"#, "start uses time zone 'Eastern', which is not an IANA zone"),
        (#"{"id":"x","start":{"date":"2026-05-04","time":"10:00:00","utc":true},"end":{"date":"2026-05-04","time":"09:00:00","utc":true}}"#, "end is before start"),
    ])
    func badEvents(json: String, message: String) throws {
        let event = try JSONDecoder().decode(DominoEvent.self, from: Data(json.utf8))
        do {
            _ = try event.block(zone: .gmt)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("mail file paths from the user's calendar field", arguments: [
        ("mail/alice.nsf", "mail/alice.nsf"), ("mail\\alice.nsf", "mail/alice.nsf"), ("/mail/alice.nsf", "mail/alice.nsf"),
        (" mail/Alice Smith.nsf ", "mail/Alice Smith.nsf"),
    ])
    func mailFiles(address: String, path: String) throws {
        #expect(try DominoCalendarSource.mailFilePath(address) == path)
    }

    @Test("addresses that are not mail files are refused", arguments: ["alice@example.com", "mail/../names.nsf", "mail/a.nsf?open"])
    func badMailFiles(address: String) {
        #expect(throws: CalendarSourceError.self) { try DominoCalendarSource.mailFilePath(address) }
    }

    @Test("an empty calendar answers {}")
    func empty() throws {
        #expect(try JSONDecoder().decode(DominoEventList.self, from: Data("{}".utf8)).events.isEmpty)
    }
}
