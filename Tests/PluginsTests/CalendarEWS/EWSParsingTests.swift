@testable import CalendarEWSPlugin
import Foundation
import HubCore
import Testing

@Suite("EWS SOAP parsing and request building")
struct EWSParsingTests {
    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }

    static func parse(_ file: String) throws -> EWSResponse {
        try EWSResponseParser.parse(CalendarFixtureServer.data("ews/\(file)"))
    }

    @Test("Microsoft's documented FindItem response: a view cut at MaxEntriesReturned")
    func documentedSample() throws {
        let response = try Self.parse("finditem-docs-sample.xml")
        let message = try #require(response.messages.first)
        #expect(message.responseClass == "Success" && message.responseCode == "NoError")
        #expect(message.includesLastItemInRange == false && message.totalItemsInView == 33)
        #expect(message.items.map(\.subject) == ["Contoso devs team meeting", "Daily status meeting"])
        #expect(try message.items[0].block() == CalendarBlock(
            id: "AAMk", start: Self.date("2013-08-21T19:30:00Z"), end: Self.date("2013-08-21T20:00:00Z"), showAs: .unknown,
            subject: "Contoso devs team meeting"))
        #expect(message.items[0].lacksDetails)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var id: String
        var expected: CalendarBlock?
        var testDescription: String { id }
    }

    static let rows: [Row] = [
        Row(id: "AAMkAGI2-alice-budget=", expected: CalendarBlock(
            id: "AAMkAGI2-alice-budget=", start: date("2026-05-04T10:00:00Z"), end: date("2026-05-04T11:00:00Z"), showAs: .busy,
            response: .accepted, categories: ["Presence"], subject: "Budget meeting")),
        Row(id: "AAMkAGI2-alice-doctor=", expected: CalendarBlock(
            id: "AAMkAGI2-alice-doctor=", start: date("2026-05-04T13:00:00Z"), end: date("2026-05-04T14:00:00Z"), showAs: .busy,
            sensitivity: .private, response: .organizer, subject: "Doctor")),
        Row(id: "AAMkAGI2-alice-standup=", expected: CalendarBlock(
            id: "AAMkAGI2-alice-standup=", start: date("2026-05-04T08:30:00Z"), end: date("2026-05-04T08:45:00Z"), showAs: .free,
            isCancelled: true, response: .notResponded, subject: "Canceled: Standup")),
        Row(id: "AAMkAGI2-alice-review=", expected: CalendarBlock(
            id: "AAMkAGI2-alice-review=", start: date("2026-05-05T09:00:00Z"), end: date("2026-05-05T09:30:00Z"), showAs: .tentative,
            sensitivity: .confidential, response: .tentative, categories: ["Presence", "Red category"], subject: "Design review")),
        Row(id: "AAMkAGI2-alice-offsite=", expected: CalendarBlock(
            id: "AAMkAGI2-alice-offsite=", start: date("2026-05-05T12:00:00Z"), end: date("2026-05-05T15:00:00Z"),
            showAs: .workingElsewhere, subject: "Offsite")),
        Row(id: "AAMkAGI2-alice-vacation=", expected: CalendarBlock(
            id: "AAMkAGI2-alice-vacation=", start: date("2026-05-05T22:00:00Z"), end: date("2026-05-07T22:00:00Z"), isAllDay: true,
            showAs: .outOfOffice, subject: "Vacation")),
    ]

    @Test("FindItem items map to blocks (before GetItem details)", arguments: rows)
    func findItemMapping(row: Row) throws {
        let items = try #require(try Self.parse("finditem-alice.xml").messages.first?.items)
        let item = try #require(items.first { $0.id == row.id })
        #expect(try item.block() == row.expected)
    }

    @Test("GetItem details fill what FindItem left out")
    func getItemMerge() throws {
        var items = try #require(try Self.parse("finditem-alice.xml").messages.first?.items)
        #expect(items.filter(\.lacksDetails).map(\.id) == ["AAMkAGI2-alice-offsite=", "AAMkAGI2-alice-vacation="])
        let details = try Self.parse("getitem-alice.xml").messages.flatMap(\.items)
        #expect(details.count == 2)
        for detail in details {
            let index = try #require(items.firstIndex { $0.id == detail.id })
            items[index].merge(details: detail)
        }
        let offsite = try #require(items.first { $0.id == "AAMkAGI2-alice-offsite=" })
        #expect(try offsite.block().sensitivity == .personal && offsite.block().response == .declined)
        let vacation = try #require(items.first { $0.id == "AAMkAGI2-alice-vacation=" })
        #expect(try vacation.block().categories == ["Presence"] && vacation.block().response == .organizer)
    }

    @Test("faults and error messages keep their codes and BackOffMilliseconds", arguments: [
        ("fault-server-busy.xml", "ErrorServerBusy", 5000),
        ("fault-impersonate-denied.xml", "ErrorImpersonateUserDenied", nil),
    ] as [(String, String, Int?)])
    func faults(file: String, code: String, backOff: Int?) throws {
        let fault = try #require(try Self.parse(file).fault)
        #expect(fault.code == code && fault.responseCode == code)
        #expect(fault.backOffMilliseconds == backOff)
        #expect(!fault.text.isEmpty)
    }

    @Test("an error response message")
    func errorMessage() throws {
        let message = try #require(try Self.parse("finditem-nonexistent-mailbox.xml").messages.first)
        #expect(message.responseClass == "Error" && message.responseCode == "ErrorNonExistentMailbox")
        #expect(message.messageText == "The SMTP address has no mailbox associated with it.")
    }

    @Test("malformed or empty answers are refused", arguments: ["<s:Envelope><unclosed>", "<html>Login</html>", ""])
    func malformed(text: String) {
        #expect(throws: EWSResponseParser.Failure.self) { try EWSResponseParser.parse(Data(text.utf8)) }
    }

    @Test("enum mapping", arguments: [
        ("OOF", CalendarBlock.ShowAs.outOfOffice), ("WorkingElsewhere", .workingElsewhere), ("NoData", .unknown), ("Free", .free),
    ])
    func showAs(value: String, expected: CalendarBlock.ShowAs) {
        #expect(EWSCalendarItem.showAs(value) == expected)
        #expect(EWSCalendarItem.sensitivity("Secret") == .private)
        #expect(EWSCalendarItem.response("Unknown") == CalendarBlock.Response.none)
    }

    @Test("FindItem request: impersonation header, CalendarView window, escaped mailbox")
    func findItemRequest() {
        let body = String(decoding: EWSRequest.findItem(
            mailbox: "o'neil&co@example.com", start: Self.date("2026-05-04T08:00:00Z"), end: Self.date("2026-05-12T09:00:00Z"),
            maxEntries: 200, version: "Exchange2013"), as: UTF8.self)
        #expect(body.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""))
        #expect(body.contains("<t:RequestServerVersion Version=\"Exchange2013\"/>"))
        #expect(body.contains("<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>o&apos;neil&amp;co@example.com</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>"))
        #expect(body.contains("<m:CalendarView MaxEntriesReturned=\"200\" StartDate=\"2026-05-04T08:00:00Z\" EndDate=\"2026-05-12T09:00:00Z\"/>"))
        #expect(body.contains("<t:DistinguishedFolderId Id=\"calendar\">"))
        for field in EWSRequest.findFields { #expect(body.contains("<t:FieldURI FieldURI=\"\(field)\"/>")) }
        #expect(EWSResponseParser.parseWellFormed(Data(body.utf8)))
    }
}

extension EWSResponseParser {
    /// Whether `data` is well-formed XML (for checking our own requests).
    static func parseWellFormed(_ data: Data) -> Bool {
        do {
            _ = try parse(data)
            return true
        } catch {
            return error.description.hasPrefix("no ResponseMessage")
        }
    }
}
