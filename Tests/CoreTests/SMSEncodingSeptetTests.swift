import Testing

@testable import HubCore

/// Septet packing (3GPP TS 23.038 6.1.2.1) with and without the fill bits a user data header needs.
@Suite("SMS encoding: septet packing (INT-SMS)")
struct SMSEncodingSeptetTests {
    @Test(arguments: [
        // The classic worked example of TS 23.038 packing.
        ("hellohello", 0, "e8329bfd4697d9ec37"),
        ("hellohello", 1, "d06536fb8d2eb3d96f"),
        ("Hi", 1, "9069"),
        ("Tila: Sisällä €", 0, "d4343bac034dd3f33d9bbd076dca"),
        ("Tila: Sisällä €", 1, "a8697658079aa6e77b367b0fda9401"),
    ])
    func packsLikeTheStandard(_ text: String, _ fill: Int, _ packed: String) throws {
        let septets = try #require(SMSEncoding.gsmSeptets(text))
        #expect(hex(SMSEncoding.packSeptets(septets, fillBits: fill)) == packed)
        #expect(SMSEncoding.unpackSeptets(octets(packed), count: septets.count, fillBits: fill) == septets)
    }

    @Test(arguments: [(0, 0), (6, 1), (7, 0), (1, 6), (5, 2), (12, 2)])
    func fillBitsAlignTheFirstSeptet(_ headerOctets: Int, _ fill: Int) {
        #expect(SMSEncoding.fillBits(afterHeaderOctets: headerOctets) == fill)
    }

    @Test func eightSeptetsFillSevenOctets() {
        #expect(SMSEncoding.packSeptets(Array(repeating: 0x7F, count: 8)).count == 7)
        #expect(SMSEncoding.packSeptets(Array(repeating: 0x7F, count: 160)).count == 140)
    }

    @Test func unpackingTooFewOctetsIsNil() {
        #expect(SMSEncoding.unpackSeptets([0xE8, 0x32], count: 3) == nil)
    }

    @Test func concatenatedPartUserDataIsHeaderFillAndSeptets() throws {
        let plan = SMSEncoding.plan(String(repeating: "hello", count: 40), reference: 0x2A)
        let first = try #require(plan.parts.first)
        let userData = first.userData(coding: .gsm7)
        #expect(Array(userData.prefix(6)) == [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01])
        // 6 header octets + 1 fill bit + 153 septets = 1120 bits = 140 octets, the full TP-UD.
        #expect(userData.count == 140)
        #expect(SMSEncoding.unpackSeptets(Array(userData.dropFirst(6)), count: 153, fillBits: 1) == first.body)
        #expect(hex(Array(userData.dropFirst(6).prefix(9))) == "d06536fb8d2eb3d96f")
    }
}
