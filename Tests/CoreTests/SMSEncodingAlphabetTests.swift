import Testing

@testable import HubCore

/// Byte-for-byte checks of the GSM 03.38 tables and UCS-2 (3GPP TS 23.038 6.2.1, 6.2.1.1).
@Suite("SMS encoding: GSM 03.38 alphabet and UCS-2 (INT-SMS)")
struct SMSEncodingAlphabetTests {
    /// The default alphabet as TS 23.038 prints it, septet 0x00 to 0x7F (0x1B is the escape, shown as U+001B).
    static let defaultAlphabet: [Unicode.Scalar] = Array(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u{1B}ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)

    @Test func everyDefaultAlphabetCharacterEncodesToItsSeptetAndBack() throws {
        try #require(Self.defaultAlphabet.count == 128)
        for (code, scalar) in Self.defaultAlphabet.enumerated() where code != 0x1B {
            let text = String(Character(scalar))
            #expect(SMSEncoding.gsmSeptets(text) == [UInt8(code)], "U+\(String(scalar.value, radix: 16)) at 0x\(String(code, radix: 16))")
            #expect(SMSEncoding.decodeGSM([UInt8(code)]) == text)
        }
    }

    @Test(arguments: [
        ("\u{0C}", UInt8(0x0A)), ("^", 0x14), ("{", 0x28), ("}", 0x29), ("\\", 0x2F),
        ("[", 0x3C), ("~", 0x3D), ("]", 0x3E), ("|", 0x40), ("€", 0x65),
    ])
    func extensionCharactersTakeEscapePairs(_ text: String, _ code: UInt8) {
        #expect(SMSEncoding.gsmSeptets(text) == [0x1B, code])
        #expect(SMSEncoding.decodeGSM([0x1B, code]) == text)
    }

    @Test func extensionTableHasExactlyTheTenStandardCharacters() {
        #expect(SMSEncoding.gsmExtensionTable.count == 10)
    }

    /// Kannel 1.4.5 sent this text to an SMPP peer as exactly these octets (research B2).
    @Test func textMatchesWhatKannelPutOnTheWire() {
        let septets = SMSEncoding.gsmSeptets("Tila: Sisällä €")
        #expect(septets.map(hex) == "54696c613a205369737b6c6c7b201b65")
    }

    @Test(arguments: ["ç", "ä€😀", "Привет", "Ÿ", "`", "\t"])
    func charactersOutsideTheAlphabetAreNotGSM(_ text: String) {
        #expect(SMSEncoding.gsmSeptets(text) == nil)
        #expect(!SMSEncoding.isGSMEncodable(text))
    }

    @Test(arguments: [
        ([UInt8(0x1B), 0x41], "A"),   // undefined extension code: the basic character
        ([0x41, 0x1B], "A "),         // trailing escape: a space
        ([0x1B, 0x1B, 0x41], " A"),   // reserved 1B 1B: a space
        ([0xC1], "A"),                // bit 7 is not part of a septet
    ])
    func decodingOddEscapesFollowsTheStandard(_ septets: [UInt8], _ text: String) {
        #expect(SMSEncoding.decodeGSM(septets) == text)
    }

    @Test(arguments: [
        ("Привет", "041f04400438043204350442"),
        ("😀", "d83dde00"),
        ("ç€", "00e720ac"),
    ])
    func ucs2IsUTF16BigEndianWithSurrogatePairs(_ text: String, _ bytes: String) throws {
        let plan = SMSEncoding.plan(text)
        #expect(plan.coding == .ucs2)
        #expect(hex(plan.parts[0].bytes) == bytes)
        #expect(try SMSEncoding.decodeUCS2(plan.parts[0].bytes) == text)
    }

    @Test func oddUCS2LengthIsAnError() {
        #expect(throws: SMSEncodingError.oddUCS2Length(3)) { try SMSEncoding.decodeUCS2([0x00, 0x41, 0x00]) }
    }
}

/// Lower-case hex of octets, as the fixtures are written.
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// Octets from lower-case hex.
func octets(_ hex: String) -> [UInt8] {
    let chars = Array(hex.utf8)
    return stride(from: 0, to: chars.count, by: 2).compactMap { UInt8(String(decoding: chars[$0..<$0 + 2], as: UTF8.self), radix: 16) }
}
