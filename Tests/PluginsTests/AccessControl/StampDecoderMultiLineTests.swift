import AccessControlPlugin
import Foundation
import HubCore
import Testing

/// Records printed over several lines (`lines_per_record`, `record_start`): fixtures from
/// `samples/access-control/malformed/` where a line is lost, cut or stray, and the port closing mid-record.
@Suite("Access control: multi-line records")
struct StampDecoderMultiLineTests {
    /// A generic two-line format without a start pattern: `HH:mm`, then `CARD <badge> IN|OUT`.
    static func twoLine(_ settings: inout AccessControlPlugin.Settings) {
        settings.preset = nil
        settings.pattern = #"^(?<time>\d{2}:\d{2})\nCARD (?<badge>\d+) (?<function>IN|OUT)$"#
        settings.timeFormat = "HH:mm"
        settings.linesPerRecord = 2
        settings.functions = ["IN": FunctionMapping(activity: "at_office"), "OUT": FunctionMapping(activity: "off_duty")]
    }

    static func decode(_ bytes: [UInt8], preset: String?, byteByByte: Bool, extra: (inout AccessControlPlugin.Settings) -> Void = { _ in }) throws -> [DecodeEvent] {
        var decoder = StampDecoder(format: try ACSFixtures.configuration(preset ?? "semicolon", extra: extra).format)
        var events: [DecodeEvent] = []
        if byteByByte {
            for byte in bytes { events += decoder.append([byte], at: ACSFixtures.now) }
        } else {
            events += decoder.append(bytes, at: ACSFixtures.now)
        }
        #expect(decoder.bufferedBytes < 200)
        return events + decoder.finish(at: ACSFixtures.now)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var twoLine: Bool
        var problems: [AccessControlProblem]
        var badges: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        // The first record's event line never came: the next date line cuts it short.
        Case(file: "bosch_missing_second_line.txt", twoLine: false, problems: [.garbage], badges: ["022"]),
        // A page header after a form feed, then an event line whose date line was lost: both outside any record.
        Case(file: "bosch_outside_record.txt", twoLine: false, problems: [.garbage, .garbage], badges: ["022"]),
        // The event line stops mid-way: that record does not match; the next one decodes.
        Case(file: "bosch_cut_event_line.txt", twoLine: false, problems: [.noMatch], badges: ["022"]),
        // No start pattern: a lost time line and a lost card line each cost one line, then the pairs are back in step.
        Case(file: "two_line_lost_lines.txt", twoLine: true, problems: [.garbage, .garbage], badges: ["1001", "1002", "1004"]),
    ]

    @Test("a lost, cut or stray line costs one record and the decoder is back in step", arguments: cases)
    func fixture(_ example: Case) throws {
        let bytes = try ACSFixtures.sample("malformed/" + example.file)
        for byteByByte in [false, true] {
            let events = example.twoLine
                ? try Self.decode(bytes, preset: nil, byteByByte: byteByByte, extra: Self.twoLine)
                : try Self.decode(bytes, preset: "bosch_d9131a", byteByByte: byteByByte)
            #expect(events.compactMap(\.problem) == example.problems, "\(events)")
            #expect(events.compactMap(\.stamp).map(\.badge) == example.badges, "\(events)")
        }
    }

    @Test("the lines are joined with LF: the event line's fields and the date line's time make one stamp")
    func joinedFields() throws {
        let events = try Self.decode(try ACSFixtures.sample("bosch_d9131a.txt"), preset: "bosch_d9131a", byteByByte: false)
        let stamp = try #require(events.compactMap(\.stamp).first)
        #expect(stamp.record == "11/25 07:58AM\nOpening Report       1234 1  021 John Smith")
        #expect(stamp.text == "John Smith")
        #expect(stamp.time == ACSFixtures.date("2026-11-25 07:58:00"))
    }

    @Test("the port closing after a record's first line: one garbage report, no stamp", arguments: [
        "11/25 07:58AM\r\n", "11/25 07:58AM\r\nOpening Report       1234 1  0",
    ])
    func closedMidRecord(text: String) throws {
        var decoder = StampDecoder(format: try ACSFixtures.configuration("bosch_d9131a").format)
        #expect(decoder.append(Array(text.utf8), at: ACSFixtures.now).isEmpty)
        #expect(decoder.bufferedBytes > 0)
        let events = decoder.finish(at: ACSFixtures.now)
        #expect(events.compactMap(\.problem) == [.garbage], "\(events)")
        #expect(events.compactMap(\.stamp).isEmpty)
        #expect(decoder.bufferedBytes == 0)
    }

    @Test("an overlong line inside a record drops that record; the next record decodes")
    func overlongLineInRecord() throws {
        var decoder = StampDecoder(format: try ACSFixtures.configuration("bosch_d9131a") { $0.maxRecordBytes = 64 }.format)
        let long = "11/25 07:58AM\r\n" + String(repeating: "X", count: 200) + "\r\n"
        let good = "11/25 08:02AM\r\nOpening Report       1234 1  022 Maria Lind\r\n"
        let events = decoder.append(Array((long + good).utf8), at: ACSFixtures.now)
        #expect(events.compactMap(\.problem) == [.overlongRecord], "\(events)")
        #expect(events.compactMap(\.stamp).map(\.badge) == ["022"])
    }

    @Test("with lines_per_record = 1 the same bytes are single-line records (the preset's default is overridden)")
    func oneLineOverride() throws {
        let events = try Self.decode(
            Array("Opening Report 1234 1 021\r\n".utf8), preset: "bosch_d9131a", byteByByte: false
        ) { settings in
            settings.linesPerRecord = 1
            settings.pattern = #"^(?<function>[A-Za-z ]+?) +\d{4} +\d +(?<badge>\d{3})$"#
            settings.timeFormat = nil
        }
        #expect(events.compactMap(\.stamp).map(\.badge) == ["021"], "\(events)")
    }
}

/// Layouts panel printers use: 12-hour clock with AM/PM, and a date without a year.
@Suite("Access control: TimePattern 12-hour clock and dates without a year")
struct TimePatternPrinterTests {
    @Test("MM/dd hh:mma", arguments: [
        ("11/25 07:58AM", "2026-11-25 07:58:00"),
        ("11/25 12:05AM", "2026-11-25 00:05:00"),
        ("11/25 12:05PM", "2026-11-25 12:05:00"),
        ("11/25 05:01pm", "2026-11-25 17:01:00"),
        // More than a day ahead of "now" (2026-11-25): last year's log.
        ("12/31 11:59PM", "2025-12-31 23:59:00"),
    ])
    func parses(text: String, expected: String) throws {
        let pattern = try #require(TimePattern("MM/dd hh:mma", timeZone: ACSFixtures.utc))
        #expect(pattern.hasDate)
        #expect(pattern.date(from: text, now: ACSFixtures.now) == ACSFixtures.date(expected))
    }

    @Test("bad 12-hour times are refused", arguments: ["11/25 13:00PM", "11/25 00:10AM", "11/25 07:58XM", "11/25 07:58", "02/30 07:58AM"])
    func refuses(text: String) throws {
        let pattern = try #require(TimePattern("MM/dd hh:mma", timeZone: ACSFixtures.utc))
        #expect(pattern.date(from: text, now: ACSFixtures.now) == nil)
    }

    @Test("layouts mixing the clocks, or hh without a, are refused", arguments: ["hh:mm", "HH:mm a", "MM HH:mm", "yyyy-MM HH:mm"])
    func badLayouts(layout: String) {
        #expect(TimePattern(layout, timeZone: ACSFixtures.utc) == nil)
    }
}
