extension SMPPCodec {
    /// The wire octets of `pdu`; throws when a field exceeds its SMPP size.
    public static func encode(_ pdu: SMPPPDU) throws(SMPPCodecError) -> [UInt8] {
        var writer = SMPPByteWriter()
        writer.u32(0)  // command_length, patched below
        writer.u32(pdu.command.rawValue)
        writer.u32(pdu.status.rawValue)
        writer.u32(pdu.sequence)
        switch pdu.body {
        case .empty:
            break
        case let .bind(bind):
            try writer.cString(bind.systemID, "system_id", max: Limit.systemID)
            try writer.cString(bind.password, "password", max: Limit.password)
            try writer.cString(bind.systemType, "system_type", max: Limit.systemType)
            writer.u8(bind.interfaceVersion)
            writer.u8(bind.addressTON)
            writer.u8(bind.addressNPI)
            try writer.cString(bind.addressRange, "address_range", max: Limit.addressRange)
        case let .bindResponse(systemID, parameters):
            try writer.cString(systemID, "system_id", max: Limit.systemID)
            try writer.parameters(parameters)
        case let .shortMessage(message):
            try encode(message, into: &writer)
        case let .messageResponse(messageID):
            try writer.cString(messageID, "message_id", max: Limit.messageID)
        }
        writer.patchLength()
        return writer.bytes
    }

    private static func encode(_ message: SMPPShortMessage, into writer: inout SMPPByteWriter) throws(SMPPCodecError) {
        try writer.cString(message.serviceType, "service_type", max: Limit.serviceType)
        writer.u8(message.sourceTON)
        writer.u8(message.sourceNPI)
        try writer.cString(message.source, "source_addr", max: Limit.address)
        writer.u8(message.destinationTON)
        writer.u8(message.destinationNPI)
        try writer.cString(message.destination, "destination_addr", max: Limit.address)
        writer.u8(message.esmClass)
        writer.u8(message.protocolID)
        writer.u8(message.priority)
        try writer.cString(message.scheduleDeliveryTime, "schedule_delivery_time", max: Limit.time)
        try writer.cString(message.validityPeriod, "validity_period", max: Limit.time)
        writer.u8(message.registeredDelivery)
        writer.u8(message.replaceIfPresent)
        writer.u8(message.dataCoding)
        writer.u8(message.defaultMessageID)
        guard message.shortMessage.count <= maximumShortMessage else {
            throw .tooLong(field: "short_message", length: message.shortMessage.count, max: maximumShortMessage)
        }
        writer.u8(UInt8(message.shortMessage.count))
        writer.octets(message.shortMessage)
        try writer.parameters(message.parameters)
    }
}
