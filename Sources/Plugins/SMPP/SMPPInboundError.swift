import HubCore

/// Why a deliver_sm could not be turned into a receipt or an incoming SMS.
public enum SMPPInboundError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A data_coding this client cannot decode to text.
    case unsupportedDataCoding(UInt8)
    /// The user data (header or UCS-2 text) is malformed.
    case badUserData(SMSEncodingError)
    /// A receipt without the fields needed to match it.
    case badReceipt(SMPPReceiptError)

    public var description: String {
        switch self {
        case let .unsupportedDataCoding(coding): "data_coding 0x\(SMPPHex.byte(coding)) is not text this client decodes"
        case let .badUserData(error): "short_message: \(error)"
        case let .badReceipt(error): "\(error)"
        }
    }
}
