import CalendarCalDAVPlugin
import Testing

@Suite("CalDAV iCalendar lexical layer")
struct ICalLexicalTests {
    @Test("content lines: unfolding, parameters with quotes and lists, colons in values")
    func contentLines() throws {
        let lines = ICalContentLine.unfold("A:1\r\n  2\r\nATTENDEE;CN=\"Doe, Jane\";DELEGATED-TO=\"mailto:a@x\",\"mailto:b@x\":mailto:j\n\t@x\n\nX-EMPTY:\n")
        #expect(lines.count == 3)
        let first = try ICalContentLine.parse(lines[0], lineNumber: 1)
        #expect(first == ICalContentLine(name: "A", value: "1 2"))
        let attendee = try ICalContentLine.parse(lines[1], lineNumber: 2)
        #expect(attendee.parameter("CN") == "Doe, Jane")
        #expect(attendee.parameters["DELEGATED-TO"] == ["mailto:a@x", "mailto:b@x"])
        #expect(attendee.value == "mailto:j@x")
        #expect(try ICalContentLine.parse(lines[2], lineNumber: 3).value == "")
    }

    @Test("TEXT unescaping and multi-valued splitting", arguments: [
        ("a\\,b\\;c\\nd\\\\e", ["a,b;c\nd\\e"]),
        ("one,two\\,three, four", ["one", "two,three", " four"]),
        ("trailing\\", ["trailing\\"]),
    ])
    func text(raw: String, expected: [String]) {
        #expect(ICalText.list(raw) == expected)
    }

    @Test("durations", arguments: [
        ("PT1H30M", 0, 5400), ("P1W", 7, 0), ("-P1DT2S", -1, -2), ("P2DT0H", 2, 0),
    ])
    func durations(text: String, days: Int, seconds: Int) throws {
        #expect(try ICalDuration.parse(text) == ICalDuration(days: days, seconds: seconds))
    }

    @Test("bad durations and date-times name the property", arguments: ["P", "PT1X", "1H", "P1H"])
    func badDurations(text: String) {
        #expect(throws: ICalError.self) { try ICalDuration.parse(text) }
    }

    @Test("date-time forms", arguments: [
        ("DTSTART;VALUE=DATE:20261224", true, "date"),
        ("DTSTART:20261224T090000Z", false, "utc"),
        ("DTSTART:20261224T090000", false, "floating"),
        ("DTSTART;TZID=Europe/Oslo:20261224T090000", false, "zoned"),
    ])
    func dateForms(line: String, isDate: Bool, form: String) throws {
        let value = try ICalDateTime.parse(ICalContentLine.parse(Substring(line), lineNumber: 1))
        #expect(value.isDate == isDate)
        switch value.form {
        case .date: #expect(form == "date")
        case .utc: #expect(form == "utc")
        case .floating: #expect(form == "floating")
        case .zoned(let id): #expect(form == "zoned" && id == "Europe/Oslo")
        }
    }

    @Test("invalid date-times", arguments: ["20261324", "20260230", "20261224T250000", "20261224T0900", "2026122409"])
    func badDates(text: String) {
        #expect(throws: ICalError.self) { try ICalDateTime.parse(Substring(text), property: "DTSTART", tzid: nil, valueType: nil) }
    }
}
