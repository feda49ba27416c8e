import Foundation
import HubCore
import Testing

@testable import SMPPPlugin

@Suite("SMPP deliver_sm interpretation and reassembly (INT-SMS)")
struct SMPPInboundAssemblerTests {
    static let now = Date(timeIntervalSince1970: 1_777_885_200)

    static func message(_ hex: String, dcs: UInt8 = 0, esm: UInt8 = 0, from: String = "358401234567", ton: UInt8 = 1) -> SMPPShortMessage {
        var message = SMPPShortMessage()
        message.source = from
        message.sourceTON = ton
        message.destination = "12345"
        message.esmClass = esm
        message.dataCoding = dcs
        message.shortMessage = smppOctets(hex)
        return message
    }

    @Test(arguments: [
        ("48656c6c6f", UInt8(0x00), "Hello"),
        ("5469736b7b201b65", 0x00, "Tiskä €"),
        ("041f04400438043204350442", 0x08, "Привет"),
        ("e4", 0x03, "ä"),
        ("48", 0x01, "H"),
        ("48", 0xF1, "H"),
        ("0048", 0x18, "H"),
    ])
    func decodesTextByDataCoding(_ hex: String, _ dcs: UInt8, _ text: String) throws {
        var assembler = SMPPInboundAssembler()
        let result = try assembler.accept(Self.message(hex, dcs: dcs), at: Self.now)
        #expect(result == .sms(IncomingSMS(from: "+358401234567", to: "12345", text: text, receivedAt: Self.now)))
    }

    @Test func joinsConcatenatedPartsInAnyOrder() throws {
        var assembler = SMPPInboundAssembler()
        let second = Self.message("050003070202" + "0442", dcs: 8, esm: 0x40)
        let first = Self.message("050003070201" + "041f0440043804320435", dcs: 8, esm: 0x40)
        #expect(try assembler.accept(second, at: Self.now) == .partial)
        #expect(try assembler.accept(first, at: Self.now) == .sms(IncomingSMS(from: "+358401234567", to: "12345", text: "Привет", receivedAt: Self.now)))
    }

    @Test func partsFromDifferentSendersDoNotMix() throws {
        var assembler = SMPPInboundAssembler()
        #expect(try assembler.accept(Self.message("05000301020141", esm: 0x40, from: "111"), at: Self.now) == .partial)
        #expect(try assembler.accept(Self.message("05000301020242", esm: 0x40, from: "222"), at: Self.now) == .partial)
        #expect(assembler.expire(at: Self.now.addingTimeInterval(601)) == 2)
    }

    @Test func messagePayloadAndSARParametersAreUsed() throws {
        var assembler = SMPPInboundAssembler()
        var part1 = Self.message("")
        part1.parameters = [
            SMPPTLV(tag: 0x0424, value: Array("Hel".utf8)), SMPPTLV(tag: 0x020C, value: [0, 9]),
            SMPPTLV(tag: 0x020E, value: [2]), SMPPTLV(tag: 0x020F, value: [1]),
        ]
        var part2 = Self.message("6c6f")
        part2.parameters = [SMPPTLV(tag: 0x020C, value: [0, 9]), SMPPTLV(tag: 0x020E, value: [2]), SMPPTLV(tag: 0x020F, value: [2])]
        #expect(try assembler.accept(part1, at: Self.now) == .partial)
        #expect(try assembler.accept(part2, at: Self.now) == .sms(IncomingSMS(from: "+358401234567", to: "12345", text: "Hello", receivedAt: Self.now)))
    }

    @Test func receiptsPreferTheirParameters() throws {
        var assembler = SMPPInboundAssembler()
        var receipt = Self.message("", esm: 0x04)
        receipt.shortMessage = Array("id:ABC sub:001 dlvrd:000 submit date:2611251200 done date:2611251201 stat:UNDELIV err:034 text:".utf8)
        #expect(try assembler.accept(receipt, at: Self.now) == .receipt(DeliveryReport(reference: "ABC", state: .failed, detail: "stat:UNDELIV err:034")))
        receipt.parameters = [SMPPTLV.cString(tag: 0x001E, "1000"), SMPPTLV(tag: 0x0427, value: [2])]
        #expect(try assembler.accept(receipt, at: Self.now) == .receipt(DeliveryReport(reference: "1000", state: .delivered, detail: "stat:UNDELIV err:034")))
    }

    @Test func nonFinalReceiptsAreNotReported() throws {
        var assembler = SMPPInboundAssembler()
        var receipt = Self.message("", esm: 0x04)
        receipt.shortMessage = Array("id:5 stat:ENROUTE".utf8)
        #expect(try assembler.accept(receipt, at: Self.now) == .intermediateReceipt(reference: "5", stat: "ENROUTE"))
    }

    @Test(arguments: [
        (message("41", dcs: 0x04), "data_coding 0x04 is not text this client decodes"),
        (message("004100", dcs: 0x08), "short_message: UCS-2 text has an odd length (3 octets)"),
        (message("0700", esm: 0x40), "short_message: user data header: length 7 exceeds the 1 octets that follow"),
        (message("6e6f2069642068657265", esm: 0x04), "delivery receipt has no 'id:' field"),
    ])
    func badMessagesAreNamed(_ message: SMPPShortMessage, _ description: String) {
        var assembler = SMPPInboundAssembler()
        #expect {
            _ = try assembler.accept(message, at: Self.now)
        } throws: { error in
            "\(error)" == description
        }
    }
}
