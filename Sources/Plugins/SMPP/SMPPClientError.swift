/// Why the SMPP connection or a request on it failed (all temporary: the client reconnects).
enum SMPPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TCP connection ended.
    case connectionClosed
    /// The SMSC sent unbind.
    case unboundBySMSC
    /// No response to a request within the response timeout.
    case responseTimeout(SMPPCommandID, sequence: UInt32)
    /// The SMSC refused the bind for a reason other than credentials.
    case bindRefused(SMPPCommandStatus)
    /// A response could not be decoded.
    case badResponse(String)

    var description: String {
        switch self {
        case .connectionClosed: "connection closed"
        case .unboundBySMSC: "the SMSC unbound"
        case let .responseTimeout(command, sequence): "no \(command) response (sequence \(sequence)) in time"
        case let .bindRefused(status): "bind_transceiver refused: \(status)"
        case let .badResponse(reason): "bad response: \(reason)"
        }
    }
}
