/// Pure SMPP 3.4 PDU encoding and decoding for the commands an ESME in transceiver mode uses.
///
/// ```swift
/// let bytes = try SMPPCodec.encode(SMPPPDU(command: .enquireLink, sequence: 7))
/// let pdu = try SMPPCodec.decode(bytes)   // SMPPPDU(command: .enquireLink, sequence: 7, body: .empty)
/// ```
public enum SMPPCodec {
    /// The largest PDU accepted from a peer (a submit_sm with a full message_payload fits easily).
    public static let maximumPDULength = 70_000
    /// The largest `short_message` (SMPP 3.4 5.2.21: sm_length 0...254).
    public static let maximumShortMessage = 254

    /// Field limits in octets including the NUL (SMPP 3.4 section 5.2).
    enum Limit {
        static let systemID = 16, password = 9, systemType = 13, addressRange = 41, serviceType = 6
        static let address = 21, time = 17, messageID = 65
    }

    /// The PDU in `bytes` (header included), or an error naming what is wrong.
    public static func decode(_ bytes: [UInt8]) throws(SMPPCodecError) -> SMPPPDU {
        guard bytes.count >= 16 else { throw .shorterThanHeader(bytes.count) }
        var reader = SMPPByteReader(bytes)
        let length = try reader.u32("command_length")
        guard length >= 16, length <= maximumPDULength else { throw .invalidCommandLength(length, limit: maximumPDULength) }
        guard Int(length) == bytes.count else { throw .lengthMismatch(declared: length, actual: bytes.count) }
        let command = SMPPCommandID(rawValue: try reader.u32("command_id"))
        let status = SMPPCommandStatus(rawValue: try reader.u32("command_status"))
        let sequence = try reader.u32("sequence_number")
        let body = try decodeBody(command, &reader)
        return SMPPPDU(command: command, status: status, sequence: sequence, body: body)
    }

    /// Header fields of `bytes` (for answering a PDU whose body failed to decode); nil under 16 octets.
    public static func header(_ bytes: [UInt8]) -> (command: SMPPCommandID, sequence: UInt32)? {
        var reader = SMPPByteReader(bytes, from: 4)
        guard let command = try? reader.u32("command_id"), (try? reader.u32("command_status")) != nil,
            let sequence = try? reader.u32("sequence_number")
        else { return nil }
        return (SMPPCommandID(rawValue: command), sequence)
    }

    private static func decodeBody(_ command: SMPPCommandID, _ reader: inout SMPPByteReader) throws(SMPPCodecError) -> SMPPBody {
        switch command {
        case .bindTransceiver, .bindTransmitter, .bindReceiver:
            let bind = SMPPBind(
                systemID: try reader.cString("system_id", max: Limit.systemID),
                password: try reader.cString("password", max: Limit.password),
                systemType: try reader.cString("system_type", max: Limit.systemType),
                interfaceVersion: try reader.u8("interface_version"), addressTON: try reader.u8("addr_ton"),
                addressNPI: try reader.u8("addr_npi"), addressRange: try reader.cString("address_range", max: Limit.addressRange))
            try expectEnd(command, reader)
            return .bind(bind)
        case .bindTransceiver.response, .bindTransmitter.response, .bindReceiver.response:
            // An error response may come without a body.
            if reader.remaining == 0 { return .empty }
            let systemID = try reader.cString("system_id", max: Limit.systemID)
            return .bindResponse(systemID: systemID, parameters: try reader.parameters())
        case .submitSM, .deliverSM:
            return .shortMessage(try decodeShortMessage(&reader))
        case .submitSM.response, .deliverSM.response:
            if reader.remaining == 0 { return .empty }
            let messageID = try reader.cString("message_id", max: Limit.messageID)
            try expectEnd(command, reader)
            return .messageResponse(messageID: messageID)
        case .enquireLink, .enquireLink.response, .unbind, .unbind.response, .genericNack:
            try expectEnd(command, reader)
            return .empty
        default:
            throw .unsupportedCommand(command)
        }
    }

    private static func decodeShortMessage(_ reader: inout SMPPByteReader) throws(SMPPCodecError) -> SMPPShortMessage {
        var message = SMPPShortMessage()
        message.serviceType = try reader.cString("service_type", max: Limit.serviceType)
        message.sourceTON = try reader.u8("source_addr_ton")
        message.sourceNPI = try reader.u8("source_addr_npi")
        message.source = try reader.cString("source_addr", max: Limit.address)
        message.destinationTON = try reader.u8("dest_addr_ton")
        message.destinationNPI = try reader.u8("dest_addr_npi")
        message.destination = try reader.cString("destination_addr", max: Limit.address)
        message.esmClass = try reader.u8("esm_class")
        message.protocolID = try reader.u8("protocol_id")
        message.priority = try reader.u8("priority_flag")
        message.scheduleDeliveryTime = try reader.cString("schedule_delivery_time", max: Limit.time)
        message.validityPeriod = try reader.cString("validity_period", max: Limit.time)
        message.registeredDelivery = try reader.u8("registered_delivery")
        message.replaceIfPresent = try reader.u8("replace_if_present_flag")
        message.dataCoding = try reader.u8("data_coding")
        message.defaultMessageID = try reader.u8("sm_default_msg_id")
        let length = Int(try reader.u8("sm_length"))
        guard length <= maximumShortMessage else { throw .tooLong(field: "sm_length", length: length, max: maximumShortMessage) }
        message.shortMessage = try reader.octets(length, "short_message")
        message.parameters = try reader.parameters()
        return message
    }

    private static func expectEnd(_ command: SMPPCommandID, _ reader: SMPPByteReader) throws(SMPPCodecError) {
        if reader.remaining > 0 { throw .unexpectedBody(command, octets: reader.remaining) }
    }
}
