import HubCore
import Testing

@testable import SMPPPlugin

@Suite("SMPP 3.4 PDU codec (INT-SMS)")
struct SMPPCodecTests {
    static var receiptText: [UInt8] {
        Array("id:1000 sub:001 dlvrd:001 submit date:2611251200 done date:2611251201 stat:DELIVRD err:000 text:Hello".utf8)
    }

    static var submit: SMPPShortMessage {
        var message = SMPPShortMessage()
        message.sourceTON = 5
        message.source = "Hub"
        message.destinationTON = 1
        message.destinationNPI = 1
        message.destination = "358401234567"
        message.esmClass = 0x40
        message.registeredDelivery = 1
        message.dataCoding = 8
        message.shortMessage = smppOctets("0500030a020104100441")
        return message
    }

    static var receipt: SMPPShortMessage {
        var message = SMPPShortMessage()
        message.sourceTON = 1
        message.sourceNPI = 1
        message.source = "358401234567"
        message.destinationTON = 5
        message.destination = "Hub"
        message.esmClass = 0x04
        message.shortMessage = receiptText
        message.parameters = [SMPPTLV(tag: 0x001E, value: Array("1000".utf8) + [0]), SMPPTLV(tag: 0x0427, value: [2])]
        return message
    }

    static var payload: SMPPShortMessage {
        var message = SMPPShortMessage()
        message.source = "358401234567"
        message.destination = "12345"
        message.parameters = [SMPPTLV(tag: 0x0424, value: Array("Hi there".utf8))]
        return message
    }

    static let cases: [(String, SMPPPDU)] = [
        (SMPPFixtures.bindTransceiver, SMPPPDU(command: .bindTransceiver, sequence: 1, body: .bind(SMPPBind(systemID: "hub", password: "hubpw")))),
        (SMPPFixtures.bindTransceiverResp, SMPPPDU(command: .bindTransceiver.response, sequence: 1, body: .bindResponse(systemID: "SIMSMSC", parameters: []))),
        (SMPPFixtures.submitSM, SMPPPDU(command: .submitSM, sequence: 2, body: .shortMessage(submit))),
        (SMPPFixtures.submitSMResp, SMPPPDU(command: .submitSM.response, sequence: 2, body: .messageResponse(messageID: "1000"))),
        (SMPPFixtures.submitSMRespThrottled, SMPPPDU(command: .submitSM.response, status: .throttled, sequence: 3, body: .messageResponse(messageID: ""))),
        (SMPPFixtures.deliverSMReceipt, SMPPPDU(command: .deliverSM, sequence: 7, body: .shortMessage(receipt))),
        (SMPPFixtures.deliverSMPayload, SMPPPDU(command: .deliverSM, sequence: 8, body: .shortMessage(payload))),
        (SMPPFixtures.deliverSMResp, SMPPPDU(command: .deliverSM.response, sequence: 7, body: .messageResponse(messageID: ""))),
        (SMPPFixtures.enquireLink, SMPPPDU(command: .enquireLink, sequence: 9)),
        (SMPPFixtures.enquireLinkResp, SMPPPDU(command: .enquireLink.response, sequence: 9)),
        (SMPPFixtures.unbind, SMPPPDU(command: .unbind, sequence: 10)),
        (SMPPFixtures.unbindResp, SMPPPDU(command: .unbind.response, sequence: 10)),
        (SMPPFixtures.genericNack, SMPPPDU(command: .genericNack, status: .invalidCommandID, sequence: 11)),
    ]

    @Test(arguments: cases)
    func encodesExactlyAsNetSMPP(_ hex: String, _ pdu: SMPPPDU) throws {
        #expect(smppHex(try SMPPCodec.encode(pdu)) == hex)
    }

    @Test(arguments: cases)
    func decodesNetSMPPOctets(_ hex: String, _ pdu: SMPPPDU) throws {
        #expect(try SMPPCodec.decode(smppOctets(hex)) == pdu)
    }

    @Test func errorResponsesMayComeWithoutBody() throws {
        let pdu = try SMPPCodec.decode(smppOctets("00000010800000040000000e00000005"))
        #expect(pdu.status == SMPPCommandStatus(rawValue: 0x0E))
        #expect(pdu.body == .empty)
    }

    /// A PDU with a correct command_length around `body` (hex).
    static func pdu(_ command: UInt32, _ body: String) -> String {
        let length = 16 + body.count / 2
        return smppHex([UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
            + smppHex([UInt8(command >> 24), UInt8(command >> 16 & 0xFF), UInt8(command >> 8 & 0xFF), UInt8(command & 0xFF)])
            + "00000000" + "00000002" + body
    }

    /// submit_sm fields up to sm_length, all empty or zero (17 octets).
    static let emptyFields = "00" + "0000" + "00" + "0000" + "00" + "000000" + "00" + "00" + "00000000"

    @Test(arguments: [
        ("0000000f000000150000000000", "PDU of 13 octets is shorter than the 16-octet header"),
        ("0000000f00000015000000000000000900", "command_length 15 is outside 16...70000"),
        ("00000011000000150000000000000009", "command_length 17 but 16 octets"),
        (pdu(0x15, "ff"), "enquire_link must have no body, got 1 octets"),
        (pdu(0x03, ""), "unsupported query_sm"),
        (pdu(0x199, ""), "unsupported command 0x00000199"),
        (pdu(0x8000_0009, "41424344"), "PDU ends inside system_id"),
        (pdu(0x8000_0009, "4142434445464748494a4b4c4d4e4f505152535400"), "system_id has no NUL terminator within 16 octets"),
        (pdu(0x04, "000500487562"), "PDU ends inside source_addr"),
        (pdu(0x04, "00050048756200"), "PDU ends inside dest_addr_ton"),
        (pdu(0x04, emptyFields + "05" + "4142"), "PDU ends inside short_message"),
        (pdu(0x04, emptyFields + "ff"), "sm_length is 255 octets, at most 254 allowed"),
        (pdu(0x04, emptyFields + "00" + "0424000541"), "optional parameter 0x0424: length 5 but 1 octets left"),
        (pdu(0x04, emptyFields + "00" + "0004"), "optional parameter 0x0000: 2 octets left, a parameter needs 4"),
        (pdu(0x8000_0004, "313000ff"), "submit_sm_resp must have no body, got 1 octets"),
    ])
    func badPDUsAreNamedPrecisely(_ hex: String, _ message: String) {
        #expect {
            _ = try SMPPCodec.decode(smppOctets(hex))
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test(arguments: [
        ("system_id", SMPPBody.bind(SMPPBind(systemID: String(repeating: "s", count: 16), password: "x")), "system_id is 17 octets, at most 16 allowed"),
        ("password", .bind(SMPPBind(systemID: "hub", password: "123456789")), "password is 10 octets, at most 9 allowed"),
        ("short_message", .shortMessage({ var m = SMPPShortMessage(); m.shortMessage = Array(repeating: 0x41, count: 255); return m }()), "short_message is 255 octets, at most 254 allowed"),
        ("destination_addr", .shortMessage({ var m = SMPPShortMessage(); m.destination = String(repeating: "1", count: 21); return m }()), "destination_addr is 22 octets, at most 21 allowed"),
    ])
    func encodingRefusesOversizedFields(_ field: String, _ body: SMPPBody, _ message: String) {
        #expect {
            _ = try SMPPCodec.encode(SMPPPDU(command: .submitSM, sequence: 1, body: body))
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test(arguments: [
        (SMPPCodecError.shorterThanHeader(3), SMPPCommandStatus.invalidCommandLength),
        (.unsupportedCommand(SMPPCommandID(rawValue: 0x199)), .invalidCommandID),
        (.truncated(field: "short_message"), .invalidMessageLength),
        (.badParameter(tag: 1, reason: "x"), .invalidOptionalParameters),
    ])
    func decodingErrorsMapToResponseStatuses(_ error: SMPPCodecError, _ status: SMPPCommandStatus) {
        #expect(error.responseStatus == status)
    }

    @Test func headerIsReadableWhenTheBodyIsNot() {
        let header = SMPPCodec.header(smppOctets(Self.pdu(0x04, "000500487562")))
        #expect(header?.command == .submitSM)
        #expect(header?.sequence == 2)
    }
}
