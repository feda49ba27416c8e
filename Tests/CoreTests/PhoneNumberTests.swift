import Foundation
import Testing

@testable import HubCore

@Suite("Phone numbers in E.164 (DIR-4)")
struct PhoneNumberTests {
    @Test(arguments: [
        ("010 123 4567", "+358101234567"),
        ("040-1234567", "+358401234567"),
        ("+358 40 123 4567", "+358401234567"),
        ("00358 40 1234567", "+358401234567"),
        ("(09) 123 4567", "+35891234567"),
        ("+358401234567", "+358401234567"),
        ("0401234567", "+358401234567"),
        ("040.123.4567", "+358401234567"),
        ("040/123 45 67", "+358401234567"),
        ("040\u{00A0}1234567", "+358401234567"),
        ("  +46 70 123 45 67  ", "+46701234567"),
        ("0046701234567", "+46701234567"),
        ("(+358) 40 1234567", "+358401234567"),
        ("020 123", "+35820123"),
        ("+1234567", "+1234567"),
        ("+123456789012345", "+123456789012345"),
    ])
    func normalisesToE164(_ input: String, _ e164: String) throws {
        #expect(try PhoneNumber(input).e164 == e164)
        #expect(try PhoneNumber(input).description == e164)
    }

    @Test func nationalNumbersTakeTheGivenCountryCode() throws {
        #expect(try PhoneNumber("070-123 45 67", countryCode: "46").e164 == "+46701234567")
        #expect(try PhoneNumber("+358 40 1234567", countryCode: "46").e164 == "+358401234567")
    }

    @Test(arguments: [
        ("", PhoneNumberError.empty),
        ("   ", .empty),
        ("-()", .empty),
        ("+", .empty),
        ("040-12a4567", .invalidCharacter("a", position: 7)),
        ("abc", .invalidCharacter("a", position: 1)),
        ("040 123 4567 ext", .invalidCharacter("e", position: 14)),
        ("040*123", .invalidCharacter("*", position: 4)),
        ("040١٢٣٤٥٦٧", .invalidCharacter("١", position: 4)),
        ("040 1\u{FE0F}\u{20E3}234567", .invalidCharacter("1\u{FE0F}\u{20E3}", position: 5)),
        ("0401234567+", .misplacedPlus(position: 11)),
        ("358+401234567", .misplacedPlus(position: 4)),
        ("++358401234567", .misplacedPlus(position: 2)),
        ("401234567", .missingPrefix),
        ("358401234567", .missingPrefix),
        ("+0401234567", .invalidCountryCode),
        ("000401234567", .invalidCountryCode),
        ("0401", .tooShort(digits: 6)),
        ("+123456", .tooShort(digits: 6)),
        ("0", .tooShort(digits: 3)),
        ("+1234567890123456", .tooLong(digits: 16)),
        ("040 1234 5678 9012", .tooLong(digits: 17)),
    ])
    func rejectsBadInput(_ input: String, _ error: PhoneNumberError) {
        #expect(throws: error) { try PhoneNumber(input) }
    }

    @Test(arguments: [
        (PhoneNumberError.empty, "no digits"),
        (.invalidCharacter("a", position: 7), "character 'a' at position 7 is not allowed"),
        (.misplacedPlus(position: 4), "'+' at position 4 may only start the number"),
        (.missingPrefix, "must start with '+', '00' (international) or '0' (national)"),
        (.invalidCountryCode, "country code cannot start with 0"),
        (.tooShort(digits: 6), "too short: 6 digits with country code, at least 7 needed"),
        (.tooLong(digits: 16), "too long: 16 digits with country code, E.164 allows at most 15"),
    ])
    func errorsDescribeTheProblem(_ error: PhoneNumberError, _ text: String) {
        #expect(error.description == text)
    }

    @Test(arguments: [
        ("+358401234567", "358", "0401234567"),
        ("+35891234567", "358", "091234567"),
        ("+46701234567", "358", nil),
        ("+46701234567", "46", "0701234567"),
    ] as [(String, String, String?)])
    func nationalForm(_ e164: String, _ countryCode: String, _ national: String?) throws {
        #expect(try PhoneNumber(e164).nationalForm(countryCode: countryCode) == national)
    }

    @Test func defaultNationalFormIsFinnish() throws {
        #expect(try PhoneNumber("+358101234567").nationalForm() == "0101234567")
    }

    @Test func equalNumbersWrittenDifferentlyAreEqualAndOrderedByE164() throws {
        let a = try PhoneNumber("040 123 4567"), b = try PhoneNumber("+358401234567"), c = try PhoneNumber("+46701234567")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b, c]).count == 2)
        #expect([a, c].sorted() == [a, c])
        let d = try PhoneNumber("+4700000000")
        #expect(c < d)
    }

    @Test func codableRoundTripUsesE164Strings() throws {
        struct Card: Codable, Equatable { var mobile: PhoneNumber }
        let card = Card(mobile: try PhoneNumber("040-1234567"))
        let json = String(decoding: try JSONEncoder().encode(card), as: UTF8.self)
        #expect(json == #"{"mobile":"+358401234567"}"#)
        #expect(try JSONDecoder().decode(Card.self, from: Data(json.utf8)) == card)
        let national = try JSONDecoder().decode(Card.self, from: Data(#"{"mobile":"040 123 4567"}"#.utf8))
        #expect(national == card)
    }

    @Test func decodingABadNumberExplainsWhyAndWhere() {
        struct Card: Codable { var mobile: PhoneNumber }
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Card.self, from: Data(#"{"mobile":"040-12a4567"}"#.utf8))
        }
        guard case let .dataCorrupted(context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription == "character 'a' at position 7 is not allowed")
        #expect(context.codingPath.map(\.stringValue) == ["mobile"])
    }

    @Test func decodingANonStringFails() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PhoneNumber].self, from: Data("[401234567]".utf8)) }
    }
}
