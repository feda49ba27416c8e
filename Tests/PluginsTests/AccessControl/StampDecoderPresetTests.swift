import AccessControlPlugin
import Foundation
import Testing

/// Every preset decodes its sample stream in `samples/access-control/`, whole or a byte at a time.
@Suite("Access control: presets decode their sample streams")
struct StampDecoderPresetTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var preset: String
        var file: String
        /// badge, function, reader, time (`yyyy-MM-dd HH:mm:ss` UTC) per stamp.
        var stamps: [(badge: String, function: String?, reader: String?, time: String?)]
        var testDescription: String { preset }
    }

    static let cases: [Case] = [
        Case(preset: "wiegand_hex", file: "wiegand_hex.txt", stamps: [("A1B2C3", nil, nil, nil), ("A1B2C4", nil, nil, nil), ("00A1B2C5", nil, nil, nil)]),
        Case(preset: "wiegand_decimal", file: "wiegand_decimal.txt", stamps: [("0010597059", nil, nil, nil), ("0010597060", nil, nil, nil), ("0000123478", nil, nil, nil)]),
        Case(preset: "rfid_stx_etx", file: "rfid_stx_etx.bin", stamps: [("00A1B2C3", nil, nil, nil), ("00A1B2C4", nil, nil, nil), ("00C0FFEE", nil, nil, nil)]),
        Case(preset: "em18", file: "em18.txt", stamps: [("00A1B2C3", nil, nil, nil), ("00A1B2C4", nil, nil, nil)]),
        Case(preset: "time_clock_csv", file: "time_clock_csv.txt", stamps: [
            ("1001", "1", "1", "2026-11-25 08:15:02"), ("1002", "3", "2", "2026-11-25 12:00:01"), ("1001", "2", "1", "2026-11-24 16:30:00"),
        ]),
        Case(preset: "time_clock_tab", file: "time_clock_tab.txt", stamps: [
            ("1001", "1", "02", "2026-11-25 08:00:12"), ("1002", "3", "02", "2026-11-25 11:30:00"),
        ]),
        Case(preset: "galaxy_log", file: "galaxy_log.txt", stamps: [("020", "Valid", "30", "2026-11-24 13:48:00"), ("021", "Invalid", "30", "2026-11-24 13:49:00")]),
        Case(preset: "acc50_log", file: "acc50_log.txt", stamps: [("0000060808010506", "valid", nil, nil), ("0000060808010507", "invalid", nil, nil)]),
        Case(preset: "bosch_d9131a", file: "bosch_d9131a.txt", stamps: [
            ("021", "Opening Report", "1", "2026-11-25 07:58:00"), ("022", "Opening Report", "1", "2026-11-25 08:02:00"),
            ("021", "Closing Report", "1", "2026-11-25 17:01:00"),
        ]),
        Case(preset: "semicolon", file: "semicolon.txt", stamps: [
            ("0001234567", "IN", nil, "2026-11-25 08:00:12"), ("0001234568", "LUNCH", nil, "2026-11-25 11:30:00"), ("0001234567", "OUT", nil, nil),
        ]),
    ]

    @Test("the sample stream gives exactly the expected stamps and no problems", arguments: cases)
    func sampleStream(_ example: Case) throws {
        let bytes = try ACSFixtures.sample(example.file)
        for byteByByte in [false, true] {
            let events = try ACSFixtures.decode(bytes, preset: example.preset, byteByByte: byteByByte)
            #expect(events.compactMap(\.problem).isEmpty, "\(events)")
            let stamps = events.compactMap(\.stamp)
            try #require(stamps.count == example.stamps.count, "\(events)")
            for (stamp, expected) in zip(stamps, example.stamps) {
                #expect(stamp.badge == expected.badge)
                #expect(stamp.function == expected.function)
                #expect(stamp.reader == expected.reader)
                #expect(stamp.time == expected.time.flatMap(ACSFixtures.date), "\(stamp.record)")
            }
        }
    }

    @Test("every preset has a sample stream")
    func everyPresetHasSample() {
        #expect(Set(Self.cases.map(\.preset)) == Set(StampPreset.list.map(\.name)))
    }

    @Test("semicolon: end time and text fields are read")
    func semicolonEndAndText() throws {
        let stamps = try ACSFixtures.decode(try ACSFixtures.sample("semicolon.txt"), preset: "semicolon").compactMap(\.stamp)
        let lunch = try #require(stamps.dropFirst().first)
        #expect(lunch.end == ACSFixtures.date("2026-11-25 12:15:00"))
        #expect(lunch.text == "Lunch at Kaisla")
    }

    @Test("a record split across reads at every position decodes the same")
    func splitEverywhere() throws {
        let line = Array("LUNCH;0001234568;2026-11-25 11:30:00\r\n".utf8)
        for cut in 1..<line.count {
            var decoder = StampDecoder(format: try ACSFixtures.configuration("semicolon").format)
            let events = decoder.append(line[..<cut], at: ACSFixtures.now) + decoder.append(line[cut...], at: ACSFixtures.now)
            #expect(events.compactMap(\.stamp).map(\.badge) == ["0001234568"], "cut at \(cut): \(events)")
            #expect(decoder.bufferedBytes == 0)
        }
    }

    @Test("line ends: CR, LF and CRLF in `any`; only the configured one otherwise", arguments: [
        ("any", "IN;1\rIN;2\nIN;3\r\nIN;4\n\r", ["1", "2", "3", "4"]),
        ("lf", "IN;1\nIN;2\r\n", ["1", "2"]),
        ("cr", "IN;1\rIN;2\r", ["1", "2"]),
        ("crlf", "IN;1\r\nIN;2\r\n", ["1", "2"]),
    ])
    func lineEnds(end: String, text: String, badges: [String]) throws {
        var decoder = StampDecoder(format: try ACSFixtures.configuration("semicolon") { $0.lineEnd = end }.format)
        let events = decoder.append(Array(text.utf8), at: ACSFixtures.now)
        #expect(events.compactMap(\.stamp).map(\.badge) == badges, "\(events)")
    }

    @Test("crlf framing keeps a lone CR inside the record, which the control-byte check then refuses")
    func crlfLoneCR() throws {
        var decoder = StampDecoder(format: try ACSFixtures.configuration("semicolon") { $0.lineEnd = "crlf" }.format)
        let events = decoder.append(Array("IN;1\rIN;2\r\nIN;3\r\n".utf8), at: ACSFixtures.now)
        #expect(events.compactMap(\.problem) == [.garbage])
        #expect(events.compactMap(\.stamp).map(\.badge) == ["3"])
    }
}
