import Testing

@testable import HubCore

/// Long messages: 160/153 septets, 70/67 UCS-2 units, concatenation headers (3GPP TS 23.040 9.2.3.24.1).
@Suite("SMS encoding: splitting and concatenation (INT-SMS, MSG-2 billing)")
struct SMSEncodingSplitTests {
    @Test(arguments: [
        ("", SMSCoding.gsm7, [0]),
        ("a", .gsm7, [1]),
        (String(repeating: "a", count: 160), .gsm7, [160]),
        (String(repeating: "a", count: 161), .gsm7, [153, 8]),
        (String(repeating: "a", count: 306), .gsm7, [153, 153]),
        (String(repeating: "a", count: 307), .gsm7, [153, 153, 1]),
        (String(repeating: "€", count: 80), .gsm7, [160]),
        (String(repeating: "€", count: 81), .gsm7, [152, 10]),
        (String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 10), .gsm7, [152, 12]),
        (String(repeating: "ж", count: 70), .ucs2, [70]),
        (String(repeating: "ж", count: 71), .ucs2, [67, 4]),
        (String(repeating: "ж", count: 134), .ucs2, [67, 67]),
        (String(repeating: "ж", count: 66) + "😀" + String(repeating: "ж", count: 5), .ucs2, [66, 7]),
        (String(repeating: "😀", count: 35), .ucs2, [70]),
        (String(repeating: "😀", count: 36), .ucs2, [66, 6]),
    ])
    func splitsAtTheStandardSizes(_ text: String, _ coding: SMSCoding, _ units: [Int]) {
        let plan = SMSEncoding.plan(text)
        #expect(plan.coding == coding)
        #expect(plan.parts.map(\.units) == units)
        #expect(plan.partCount == units.count)
        #expect(SMSEncoding.partCount(text) == units.count)
    }

    @Test func partsCarryNumberedHeadersWithTheReference() {
        let plan = SMSEncoding.plan(String(repeating: "a", count: 307), reference: 0x7E)
        #expect(plan.parts.map(\.header) == [
            [0x05, 0x00, 0x03, 0x7E, 0x03, 0x01],
            [0x05, 0x00, 0x03, 0x7E, 0x03, 0x02],
            [0x05, 0x00, 0x03, 0x7E, 0x03, 0x03],
        ])
        #expect(plan.parts.allSatisfy { $0.hasHeader })
        #expect(plan.parts[2].bytes == [0x05, 0x00, 0x03, 0x7E, 0x03, 0x03, 0x61])
    }

    @Test func singlePartHasNoHeader() {
        let plan = SMSEncoding.plan("Presence: In until 17:00")
        #expect(plan.parts.count == 1)
        #expect(!plan.parts[0].hasHeader)
        #expect(plan.parts[0].bytes == Array("Presence: In until 17:00".utf8))
    }

    @Test func anEscapePairIsNeverSplit() {
        let text = String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 10)
        let plan = SMSEncoding.plan(text)
        #expect(plan.parts[0].body.last == 0x61)
        #expect(Array(plan.parts[1].body.prefix(2)) == [0x1B, 0x65])
        #expect(plan.parts.map { SMSEncoding.decodeGSM($0.body) }.joined() == text)
    }

    @Test func aSurrogatePairIsNeverSplit() throws {
        let text = String(repeating: "ж", count: 66) + "😀" + String(repeating: "ж", count: 5)
        let plan = SMSEncoding.plan(text)
        #expect(Array(plan.parts[1].body.prefix(4)) == [0xD8, 0x3D, 0xDE, 0x00])
        let joined = try plan.parts.map { try SMSEncoding.decodeUCS2($0.body) }.joined()
        #expect(joined == text)
    }

    @Test func onlyTwoHundredFiftyFivePartsFitConcatenation() {
        #expect(SMSEncoding.plan(String(repeating: "a", count: 153 * 255)).fitsConcatenation)
        let tooLong = SMSEncoding.plan(String(repeating: "a", count: 153 * 255 + 1))
        #expect(tooLong.partCount == 256)
        #expect(!tooLong.fitsConcatenation)
    }

    @Test(arguments: [(SMSCoding.gsm7, UInt8(0)), (.ucs2, 8)])
    func codingsMapToSMPPDataCoding(_ coding: SMSCoding, _ dataCoding: UInt8) {
        #expect(coding.dataCoding == dataCoding)
    }
}
