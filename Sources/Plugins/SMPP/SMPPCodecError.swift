/// Why octets from the peer are not a valid SMPP 3.4 PDU, naming the field.
public enum SMPPCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer octets than the 16-octet header.
    case shorterThanHeader(Int)
    /// `command_length` outside 16...limit.
    case invalidCommandLength(UInt32, limit: Int)
    /// `command_length` differs from the octets given.
    case lengthMismatch(declared: UInt32, actual: Int)
    /// A command this client does not speak.
    case unsupportedCommand(SMPPCommandID)
    /// The body ends inside `field`.
    case truncated(field: String)
    /// A C-octet string without NUL within its maximum size.
    case unterminated(field: String, maxOctets: Int)
    /// A value longer than the field allows (encoding, or `sm_length` over 254).
    case tooLong(field: String, length: Int, max: Int)
    /// A malformed optional parameter.
    case badParameter(tag: UInt16, reason: String)
    /// A body where the command has none.
    case unexpectedBody(SMPPCommandID, octets: Int)

    public var description: String {
        switch self {
        case let .shorterThanHeader(count): "PDU of \(count) octets is shorter than the 16-octet header"
        case let .invalidCommandLength(length, limit): "command_length \(length) is outside 16...\(limit)"
        case let .lengthMismatch(declared, actual): "command_length \(declared) but \(actual) octets"
        case let .unsupportedCommand(command): "unsupported \(command)"
        case let .truncated(field): "PDU ends inside \(field)"
        case let .unterminated(field, max): "\(field) has no NUL terminator within \(max) octets"
        case let .tooLong(field, length, max): "\(field) is \(length) octets, at most \(max) allowed"
        case let .badParameter(tag, reason): "optional parameter 0x\(SMPPHex.word(UInt32(tag)).suffix(4)): \(reason)"
        case let .unexpectedBody(command, octets): "\(command) must have no body, got \(octets) octets"
        }
    }

    /// The command_status to answer a request that failed this way.
    public var responseStatus: SMPPCommandStatus {
        switch self {
        case .shorterThanHeader, .invalidCommandLength, .lengthMismatch, .unexpectedBody: .invalidCommandLength
        case .unsupportedCommand: .invalidCommandID
        case .truncated, .unterminated, .tooLong: .invalidMessageLength
        case .badParameter: .invalidOptionalParameters
        }
    }
}
