/// An SMPP 3.4 `command_id` (section 5.1.2.1); responses are the request id with bit 31 set.
public struct SMPPCommandID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The id as on the wire.
    public let rawValue: UInt32
    /// Wraps a wire id.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `generic_nack`.
    public static let genericNack = SMPPCommandID(rawValue: 0x8000_0000)
    /// `bind_receiver`.
    public static let bindReceiver = SMPPCommandID(rawValue: 0x0000_0001)
    /// `bind_transmitter`.
    public static let bindTransmitter = SMPPCommandID(rawValue: 0x0000_0002)
    /// `submit_sm`.
    public static let submitSM = SMPPCommandID(rawValue: 0x0000_0004)
    /// `deliver_sm`.
    public static let deliverSM = SMPPCommandID(rawValue: 0x0000_0005)
    /// `unbind`.
    public static let unbind = SMPPCommandID(rawValue: 0x0000_0006)
    /// `bind_transceiver`.
    public static let bindTransceiver = SMPPCommandID(rawValue: 0x0000_0009)
    /// `enquire_link`.
    public static let enquireLink = SMPPCommandID(rawValue: 0x0000_0015)

    /// Whether this is a response (bit 31 set).
    public var isResponse: Bool { rawValue & 0x8000_0000 != 0 }
    /// The response id for this request id.
    public var response: SMPPCommandID { SMPPCommandID(rawValue: rawValue | 0x8000_0000) }

    private static let names: [UInt32: String] = [
        0x8000_0000: "generic_nack", 0x01: "bind_receiver", 0x02: "bind_transmitter", 0x04: "submit_sm",
        0x05: "deliver_sm", 0x06: "unbind", 0x09: "bind_transceiver", 0x15: "enquire_link",
        0x03: "query_sm", 0x07: "replace_sm", 0x08: "cancel_sm", 0x0B: "outbind", 0x21: "submit_multi",
        0x102: "alert_notification", 0x103: "data_sm",
    ]

    public var description: String {
        if let name = Self.names[rawValue] { return name }
        if isResponse, let name = Self.names[rawValue & 0x7FFF_FFFF] { return name + "_resp" }
        return "command 0x" + SMPPHex.word(rawValue)
    }
}

/// Hex formatting for log and error texts.
enum SMPPHex {
    /// Eight hex digits.
    static func word(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// Two hex digits.
    static func byte(_ value: UInt8) -> String {
        (value < 16 ? "0" : "") + String(value, radix: 16, uppercase: true)
    }
}
