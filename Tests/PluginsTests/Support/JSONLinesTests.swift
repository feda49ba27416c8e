import Foundation
import HubPluginSupport
import Testing

@Suite("JSON Lines and JSONValue")
struct JSONLinesTests {
    struct Stamp: Codable, Equatable {
        var at: Date
        var note: String
    }

    @Test("encodes one sorted, compact line ending in LF")
    func encodeLine() throws {
        let line = try JSONLines.encode(Stamp(at: Date(timeIntervalSince1970: 1_777_887_000), note: "a/b\nc"))
        #expect(String(decoding: line, as: UTF8.self) == #"{"at":"2026-05-04T09:30:00Z","note":"a/b\nc"}"# + "\n")
        #expect(line.filter { $0 == 0x0A }.count == 1)
    }

    @Test("fractional seconds are written only when present")
    func fractionalDates() {
        #expect(JSONLines.formatDate(Date(timeIntervalSince1970: 1_777_887_000.25)) == "2026-05-04T09:30:00.250Z")
        #expect(JSONLines.formatDate(Date(timeIntervalSince1970: 1_777_887_000)) == "2026-05-04T09:30:00Z")
    }

    @Test("dates parse with Z, offsets and fractions", arguments: [
        ("2026-05-04T09:30:00Z", 1_777_887_000.0),
        ("2026-05-04T09:30:00.5Z", 1_777_887_000.5),
        ("2026-05-04T11:30:00+02:00", 1_777_887_000.0),
        ("2026-05-04T11:30:00.250+02:00", 1_777_887_000.25),
    ])
    func parseDates(text: String, seconds: Double) {
        #expect(JSONLines.parseDate(text)?.timeIntervalSince1970 == seconds)
    }

    @Test("malformed dates are refused", arguments: ["2026-05-04", "2026-05-04 09:30:00Z", "tomorrow", "", "2026-13-01T00:00:00Z"])
    func badDates(text: String) {
        #expect(JSONLines.parseDate(text) == nil)
    }

    @Test("decodes a line back")
    func roundTrip() throws {
        let stamp = Stamp(at: Date(timeIntervalSince1970: 1_777_887_000.5), note: "ä \"quoted\"")
        var line = try JSONLines.encode(stamp)
        line.removeLast()
        #expect(try JSONLines.decode(Stamp.self, from: line) == stamp)
    }

    @Test("JSONValue reads every JSON type")
    func values() throws {
        let text = #"{"a":null,"b":true,"c":3,"d":2.5,"e":"x","f":[1,"y"],"g":{"h":false}}"#
        let value = try JSONLines.decode(JSONValue.self, from: Array(text.utf8))
        #expect(value == .object([
            "a": .null, "b": .bool(true), "c": .integer(3), "d": .number(2.5), "e": .string("x"),
            "f": .array([.integer(1), .string("y")]), "g": .object(["h": .bool(false)]),
        ]))
        #expect(value["g"]?["h"]?.boolValue == false)
        #expect(value["e"]?.stringValue == "x")
        #expect(value["missing"] == nil)
        #expect(value["c"]?.typeName == "number")
        #expect(String(decoding: try JSONLines.encode(value), as: UTF8.self) == text + "\n")
    }

    @Test("invalid JSON and invalid UTF-8 throw")
    func invalid() {
        #expect(throws: (any Error).self) { try JSONLines.decode(JSONValue.self, from: Array("{nope".utf8)) }
        #expect(throws: (any Error).self) { try JSONLines.decode(JSONValue.self, from: [0x22, 0xFF, 0x22]) }
        #expect(throws: (any Error).self) { try JSONLines.decode(JSONValue.self, from: [UInt8]()) }
    }

    @Test("non-finite numbers cannot be encoded")
    func nonFinite() {
        #expect(throws: (any Error).self) { try JSONLines.encode(JSONValue.number(.infinity)) }
    }
}
