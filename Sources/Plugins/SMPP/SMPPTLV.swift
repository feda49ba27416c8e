/// An optional parameter (tag, length, value) of an SMPP 3.4 PDU (section 5.3).
public struct SMPPTLV: Sendable, Equatable {
    /// The tag.
    public var tag: UInt16
    /// The value octets.
    public var value: [UInt8]

    /// Creates a parameter.
    public init(tag: UInt16, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }

    /// `receipted_message_id` (C-octet string): the SMSC message id a receipt refers to.
    public static let receiptedMessageID: UInt16 = 0x001E
    /// `sar_msg_ref_num` (2 octets): concatenation reference when parts use TLVs instead of a UDH.
    public static let sarMessageReference: UInt16 = 0x020C
    /// `sar_total_segments` (1 octet).
    public static let sarTotalSegments: UInt16 = 0x020E
    /// `sar_segment_seqnum` (1 octet).
    public static let sarSegmentSequence: UInt16 = 0x020F
    /// `message_payload`: the text when it does not fit `short_message`.
    public static let messagePayload: UInt16 = 0x0424
    /// `message_state` (1 octet): final state in a receipt.
    public static let messageState: UInt16 = 0x0427
    /// `network_error_code` (3 octets).
    public static let networkErrorCode: UInt16 = 0x0423

    /// A C-octet string value (with its NUL).
    public static func cString(tag: UInt16, _ text: String) -> SMPPTLV {
        SMPPTLV(tag: tag, value: Array(text.utf8) + [0])
    }

    /// The value read as a C-octet string (without NUL); nil when it is not one.
    public var cStringValue: String? {
        guard let end = value.firstIndex(of: 0) else { return value.isEmpty ? nil : String(decoding: value, as: UTF8.self) }
        return String(decoding: value[..<end], as: UTF8.self)
    }
}

extension Array where Element == SMPPTLV {
    /// The first parameter with `tag`.
    public func first(tag: UInt16) -> SMPPTLV? { first { $0.tag == tag } }
}
