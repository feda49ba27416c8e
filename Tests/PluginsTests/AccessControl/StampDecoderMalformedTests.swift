import AccessControlPlugin
import Foundation
import HubPluginTesting
import Testing

/// Malformed input from `samples/access-control/malformed/`: each problem is counted as the right kind and
/// the decoder resynchronises on the next good record.
@Suite("Access control: malformed input is counted and the decoder resynchronises")
struct StampDecoderMalformedTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var preset: String
        var problems: [AccessControlProblem]
        var badges: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "noise_then_line.bin", preset: "semicolon", problems: [.garbage], badges: ["0001234567"]),
        Case(file: "overlong_then_line.txt", preset: "semicolon", problems: [.overlongRecord], badges: ["0001234567"]),
        Case(file: "rfid_bad_checksum.bin", preset: "rfid_stx_etx", problems: [.badChecksum], badges: ["00A1B2C3"]),
        Case(file: "rfid_interrupted_frame.bin", preset: "rfid_stx_etx", problems: [.garbage], badges: ["00A1B2C3"]),
        Case(file: "rfid_noise_between_frames.bin", preset: "rfid_stx_etx", problems: [.garbage], badges: ["00A1B2C3"]),
        Case(file: "wrong_baud.bin", preset: "semicolon", problems: [.garbage], badges: ["0001234567"]),
        Case(file: "latin1_in_utf8.bin", preset: "semicolon", problems: [.badEncoding], badges: ["0001234567"]),
        Case(file: "bad_time.txt", preset: "semicolon", problems: [.badTime], badges: ["0001234567"]),
        Case(file: "no_match.txt", preset: "semicolon", problems: [.noMatch], badges: ["0001234567"]),
        Case(file: "em18_misaligned.txt", preset: "em18", problems: [.garbage], badges: ["00A1B2C3", "00A1B2C4"]),
        Case(file: "unknown_function.txt", preset: "semicolon", problems: [], badges: ["0001234567", "0001234567"]),
    ]

    @Test("the fixture gives its problems, then the good stamps after it", arguments: cases)
    func fixture(_ example: Case) throws {
        let bytes = try ACSFixtures.sample("malformed/" + example.file)
        for byteByByte in [false, true] {
            let events = try ACSFixtures.decode(bytes, preset: example.preset, byteByByte: byteByByte)
            #expect(events.compactMap(\.problem) == example.problems, "\(events)")
            #expect(events.compactMap(\.stamp).map(\.badge) == example.badges, "\(events)")
        }
    }

    @Test("a line that never ends costs at most max_record_bytes, is reported once, and the next line decodes")
    func unboundedLine() throws {
        var decoder = StampDecoder(format: try ACSFixtures.configuration("semicolon") { $0.maxRecordBytes = 64 }.format)
        var events: [DecodeEvent] = []
        for _ in 0..<1_000 {
            events += decoder.append(Array(repeating: UInt8(ascii: "7"), count: 1_000), at: ACSFixtures.now)
            #expect(decoder.bufferedBytes <= 64)
        }
        events += decoder.append(Array("\nIN;42\n".utf8), at: ACSFixtures.now)
        #expect(events.compactMap(\.problem) == [.overlongRecord])
        #expect(events.compactMap(\.stamp).map(\.badge) == ["42"])
    }

    @Test("STX/ETX: a frame that never ends is bounded and the next STX resynchronises")
    func unboundedFrame() throws {
        var decoder = StampDecoder(format: try ACSFixtures.configuration("rfid_stx_etx") { $0.maxRecordBytes = 32 }.format)
        var events = decoder.append([0x02] + Array(repeating: UInt8(ascii: "A"), count: 10_000), at: ACSFixtures.now)
        #expect(decoder.bufferedBytes <= 32)
        let good = try ACSFixtures.sample("rfid_stx_etx.bin").prefix(14)
        events += decoder.append(good, at: ACSFixtures.now)
        #expect(events.compactMap(\.problem) == [.overlongRecord])
        #expect(events.compactMap(\.stamp).map(\.badge) == ["00A1B2C3"])
    }

    @Test("random binary noise never crashes and leaves the decoder able to read the next line", arguments: [1, 2, 3, 4, 5])
    func randomNoise(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for preset in ["semicolon", "rfid_stx_etx", "em18", "wiegand_hex", "time_clock_tab"] {
            var decoder = StampDecoder(format: try ACSFixtures.configuration(preset).format)
            let noise = (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = decoder.append(noise, at: ACSFixtures.now)
            #expect(decoder.bufferedBytes <= 512)
            // A line end (or ETX) closes whatever the noise left open; the sample then decodes in full.
            _ = decoder.append(preset == "rfid_stx_etx" ? [0x03] : [0x0D, 0x0A], at: ACSFixtures.now)
            let file = ["semicolon": "semicolon.txt", "rfid_stx_etx": "rfid_stx_etx.bin", "em18": "em18.txt",
                        "wiegand_hex": "wiegand_hex.txt", "time_clock_tab": "time_clock_tab.txt"][preset] ?? ""
            let sample = try ACSFixtures.sample(file)
            let events = decoder.append(sample, at: ACSFixtures.now) + decoder.finish(at: ACSFixtures.now)
            let expected = try ACSFixtures.decode(sample, preset: preset).compactMap(\.stamp).map(\.badge)
            let badges = events.compactMap(\.stamp).map(\.badge)
            // Fixed-width records may lose the first record to the noise's tail; every later one must come through.
            #expect(badges.suffix(expected.count - (preset == "em18" ? 1 : 0)) == expected.suffix(expected.count - (preset == "em18" ? 1 : 0))[...],
                    "\(preset): \(events)")
        }
    }
}

/// The port closing in the middle of a record.
@Suite("Access control: a record cut off by the port closing")
struct StampDecoderFinishTests {
    @Test("a half-written record is reported as garbage, never decoded as a shorter badge", arguments: ["semicolon", "rfid_stx_etx", "em18"])
    func halfRecordDropped(preset: String) throws {
        var decoder = StampDecoder(format: try ACSFixtures.configuration(preset).format)
        let partial: [UInt8] = switch preset {
        case "rfid_stx_etx": [0x02] + Array("0100A1".utf8)
        case "em18": Array("0100A1".utf8)
        default: Array("IN;00012".utf8)
        }
        #expect(decoder.append(partial, at: ACSFixtures.now).isEmpty)
        let events = decoder.finish(at: ACSFixtures.now)
        #expect(events.compactMap(\.problem) == [.garbage], "\(events)")
        #expect(events.compactMap(\.stamp).isEmpty)
        #expect(decoder.bufferedBytes == 0)
    }
}
