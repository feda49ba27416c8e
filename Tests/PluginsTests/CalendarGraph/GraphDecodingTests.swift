@testable import CalendarGraphPlugin
import Foundation
import HubCore
import Testing

@Suite("Graph calendarView/delta decoding")
struct GraphDecodingTests {
    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }

    static func page(_ file: String) throws -> GraphDeltaPage {
        try JSONDecoder().decode(GraphDeltaPage.self, from: CalendarFixtureServer.data("graph/\(file)"))
    }

    @Test("Microsoft's documented delta sample: one @removed entry, one event, the delta link")
    func documentedSample() throws {
        let page = try Self.page("delta-docs-sample.json")
        #expect(page.deltaLink == "https://graph.microsoft.com/v1.0/me/calendarView/delta?$deltatoken=R0usmcFuQtZdtpk4")
        #expect(page.nextLink == nil)
        #expect(page.value.count == 2)
        #expect(page.value[0].removed == GraphEvent.Removed(reason: "deleted"))
        let block = try page.value[1].block()
        #expect(block == CalendarBlock(
            id: "AAMkADj1HvAAA=", start: Self.date("2016-12-25T06:00:00Z"), end: Self.date("2016-12-25T07:30:00Z"),
            showAs: .unknown, subject: "Attend service"))
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var file: String
        var id: String
        var expected: CalendarBlock
        var testDescription: String { "\(file) \(id)" }
    }

    static let rows: [Row] = [
        Row(file: "delta-alice-page1.json", id: "AAMk-alice-budget", expected: CalendarBlock(
            id: "AAMk-alice-budget", start: date("2026-05-04T10:00:00Z"), end: date("2026-05-04T11:00:00Z"), showAs: .busy,
            response: .accepted, categories: ["Presence"], subject: "Budget meeting")),
        Row(file: "delta-alice-page1.json", id: "AAMk-alice-vacation", expected: CalendarBlock(
            id: "AAMk-alice-vacation", start: date("2026-05-06T00:00:00Z"), end: date("2026-05-08T00:00:00Z"), isAllDay: true,
            showAs: .outOfOffice, response: .organizer, subject: "Vacation")),
        Row(file: "delta-alice-page2.json", id: "AAMk-alice-doctor", expected: CalendarBlock(
            id: "AAMk-alice-doctor", start: date("2026-05-04T13:00:00Z"), end: date("2026-05-04T14:00:00Z"), showAs: .busy,
            sensitivity: .private, response: .organizer, subject: "Doctor")),
        Row(file: "delta-alice-page2.json", id: "AAMk-alice-standup", expected: CalendarBlock(
            id: "AAMk-alice-standup", start: date("2026-05-04T08:30:00Z"), end: date("2026-05-04T08:45:00Z"), showAs: .free,
            isCancelled: true, response: .notResponded, subject: "Canceled: Standup")),
        Row(file: "delta-alice-page2.json", id: "AAMk-alice-review", expected: CalendarBlock(
            id: "AAMk-alice-review", start: date("2026-05-05T09:00:00Z"), end: date("2026-05-05T09:30:00Z"), showAs: .tentative,
            sensitivity: .confidential, response: .tentative, categories: ["Presence", "Red category"], subject: "Design review")),
        Row(file: "delta-alice-page2.json", id: "AAMk-alice-offsite", expected: CalendarBlock(
            id: "AAMk-alice-offsite", start: date("2026-05-05T12:00:00Z"), end: date("2026-05-05T15:00:00Z"),
            showAs: .workingElsewhere, sensitivity: .personal, response: .declined, subject: "Offsite")),
    ]

    @Test("fixture events map to blocks", arguments: rows)
    func mapping(row: Row) throws {
        let event = try #require(try Self.page(row.file).value.first { $0.id == row.id })
        #expect(try event.block() == row.expected)
    }

    @Test("enum values map case-insensitively; unknown sensitivity is treated as private", arguments: [
        ("oof", CalendarBlock.ShowAs.outOfOffice), ("WorkingElsewhere", .workingElsewhere), ("unknown", .unknown), ("bogus", .unknown),
    ])
    func showAs(value: String, expected: CalendarBlock.ShowAs) {
        #expect(GraphEvent.showAs(value) == expected)
        #expect(GraphEvent.sensitivity("secret-ish") == .private)
        #expect(GraphEvent.response("TentativelyAccepted") == .tentative)
    }

    @Test("bad times are refused with the field named", arguments: [
        (#"{"id":"x","start":{"dateTime":"yesterday","timeZone":"UTC"},"end":{"dateTime":"2026-05-04T10:00:00","timeZone":"UTC"}}"#,
         "start 'yesterday' is not a date-time"),
        (#"{"id":"x","start":{"dateTime":"2026-05-04T10:00:00","timeZone":"Pacific Standard Time"},"end":{"dateTime":"2026-05-04T10:00:00","timeZone":"UTC"}}"#,
         "start '2026-05-04T10:00:00' is not a date-time"),
        (#"{"id":"x","end":{"dateTime":"2026-05-04T10:00:00","timeZone":"UTC"}}"#, "event has no start"),
        (#"{"id":"x","start":{"dateTime":"2026-05-04T11:00:00","timeZone":"UTC"},"end":{"dateTime":"2026-05-04T10:00:00","timeZone":"UTC"}}"#,
         "end is before start"),
    ])
    func badEvents(json: String, message: String) throws {
        let event = try JSONDecoder().decode(GraphEvent.self, from: Data(json.utf8))
        #expect(throws: GraphEvent.MappingProblem.self) { try event.block() }
        do { _ = try event.block() } catch { #expect(error.description == message) }
    }

    @Test("times in an IANA zone and with fractions are converted to UTC")
    func zones() {
        #expect(GraphDateTime.parse("2026-05-04T12:00:00.5000000", zone: "Europe/Stockholm") == Self.date("2026-05-04T10:00:00Z").addingTimeInterval(0.5))
        #expect(GraphDateTime.parse("2026-05-04T12:00:00Z", zone: nil) == Self.date("2026-05-04T12:00:00Z"))
        #expect(GraphDateTime.parse("2026-13-04T12:00:00", zone: "UTC") == nil)
    }

    @Test("the token request body is Microsoft's documented form, URL-encoded")
    func tokenRequest() {
        let body = GraphTokenRequest.body(clientID: "535fb089-9ff3-47b6-9bfb-4f1264799865", clientSecret: "qWgdYAmab0YSkuL1qKv5bPX",
                                          scope: "https://graph.microsoft.com/.default")
        #expect(String(decoding: body, as: UTF8.self) == "client_id=535fb089-9ff3-47b6-9bfb-4f1264799865&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_secret=qWgdYAmab0YSkuL1qKv5bPX&grant_type=client_credentials")
        #expect(GraphTokenRequest.url(base: "https://login.microsoftonline.com/", tenant: "contoso.onmicrosoft.com")
            == "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
        let refused = try? JSONDecoder().decode(GraphTokenRequest.Refused.self, from: CalendarFixtureServer.data("graph/token-invalid-client.json"))
        #expect(refused?.summary.hasPrefix("invalid_client: AADSTS7000215: Invalid client secret provided.") == true)
        #expect(refused?.summary.contains("Trace ID") == false)
    }
}
