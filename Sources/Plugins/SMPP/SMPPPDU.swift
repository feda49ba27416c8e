/// One SMPP 3.4 PDU: header fields and decoded body.
public struct SMPPPDU: Sendable, Equatable {
    /// `command_id`.
    public var command: SMPPCommandID
    /// `command_status` (zero in requests).
    public var status: SMPPCommandStatus
    /// `sequence_number`, matching a response to its request.
    public var sequence: UInt32
    /// The body.
    public var body: SMPPBody

    /// Creates a PDU.
    public init(command: SMPPCommandID, status: SMPPCommandStatus = .ok, sequence: UInt32, body: SMPPBody = .empty) {
        self.command = command
        self.status = status
        self.sequence = sequence
        self.body = body
    }
}

/// The body of a PDU this client speaks.
public enum SMPPBody: Sendable, Equatable {
    /// No body: enquire_link(_resp), unbind(_resp), generic_nack, and responses with an error status.
    case empty
    /// bind_transceiver / bind_transmitter / bind_receiver.
    case bind(SMPPBind)
    /// A bind response: the SMSC's system_id and optional parameters (sc_interface_version).
    case bindResponse(systemID: String, parameters: [SMPPTLV])
    /// submit_sm or deliver_sm.
    case shortMessage(SMPPShortMessage)
    /// submit_sm_resp or deliver_sm_resp: the message id (empty in deliver_sm_resp).
    case messageResponse(messageID: String)
}

/// The mandatory fields of a bind request (section 4.1).
public struct SMPPBind: Sendable, Equatable {
    /// Identifies the ESME (max 15 characters).
    public var systemID: String
    /// The password (max 8 characters).
    public var password: String
    /// The ESME type (max 12 characters).
    public var systemType: String
    /// 0x34 for SMPP 3.4.
    public var interfaceVersion: UInt8
    /// TON of `addressRange`.
    public var addressTON: UInt8
    /// NPI of `addressRange`.
    public var addressNPI: UInt8
    /// Addresses served (max 40 characters), usually empty.
    public var addressRange: String

    /// Creates bind fields.
    public init(
        systemID: String, password: String, systemType: String = "", interfaceVersion: UInt8 = 0x34,
        addressTON: UInt8 = 0, addressNPI: UInt8 = 0, addressRange: String = ""
    ) {
        self.systemID = systemID
        self.password = password
        self.systemType = systemType
        self.interfaceVersion = interfaceVersion
        self.addressTON = addressTON
        self.addressNPI = addressNPI
        self.addressRange = addressRange
    }
}

/// The fields of submit_sm and deliver_sm (sections 4.4.1, 4.6.1), which share one layout.
public struct SMPPShortMessage: Sendable, Equatable {
    /// `service_type` (max 5 characters).
    public var serviceType: String = ""
    /// `source_addr_ton`.
    public var sourceTON: UInt8 = 0
    /// `source_addr_npi`.
    public var sourceNPI: UInt8 = 0
    /// `source_addr` (max 20 characters).
    public var source: String = ""
    /// `dest_addr_ton`.
    public var destinationTON: UInt8 = 0
    /// `dest_addr_npi`.
    public var destinationNPI: UInt8 = 0
    /// `destination_addr` (max 20 characters).
    public var destination: String = ""
    /// `esm_class`: 0x40 UDH indicator; in deliver_sm 0x04 marks a delivery receipt.
    public var esmClass: UInt8 = 0
    /// `protocol_id`.
    public var protocolID: UInt8 = 0
    /// `priority_flag`.
    public var priority: UInt8 = 0
    /// `schedule_delivery_time` (empty or 16 characters).
    public var scheduleDeliveryTime: String = ""
    /// `validity_period` (empty or 16 characters).
    public var validityPeriod: String = ""
    /// `registered_delivery`: bit 0 asks for a delivery receipt.
    public var registeredDelivery: UInt8 = 0
    /// `replace_if_present_flag`.
    public var replaceIfPresent: UInt8 = 0
    /// `data_coding`: 0 SMSC default alphabet (GSM 03.38), 8 UCS-2.
    public var dataCoding: UInt8 = 0
    /// `sm_default_msg_id`.
    public var defaultMessageID: UInt8 = 0
    /// `short_message` (max 254 octets; UDH first when esm_class has 0x40).
    public var shortMessage: [UInt8] = []
    /// Optional parameters in wire order.
    public var parameters: [SMPPTLV] = []

    /// Creates fields with SMPP defaults (all zero, empty).
    public init() {}

    /// esm_class bit 0x40: the message starts with a user data header.
    public var hasUserDataHeader: Bool { esmClass & 0x40 != 0 }
    /// esm_class message type 0x04: an SMSC delivery receipt.
    public var isDeliveryReceipt: Bool { esmClass & 0x3C == 0x04 }
    /// The text octets: `message_payload` when present, else `short_message`.
    public var userData: [UInt8] { parameters.first(tag: SMPPTLV.messagePayload)?.value ?? shortMessage }
}
