import Foundation

/// Sends one prepared message to a mail server; the plugin's only I/O, behind a protocol for tests.
public protocol MailTransport: Sendable {
    /// Delivers `message` (CRLF MIME bytes) from `sender` to `recipients` (bare addresses).
    func send(from sender: String, to recipients: [String], message: Data) async throws(MailError)
}

/// Why a message could not be handed to the server.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached (connection refused, DNS, TLS handshake, timeout): retry later.
    case unreachable(String)
    /// The server answered 4xx or broke off: retry this message later.
    case temporary(String)
    /// The server answered 5xx for this message (recipient or sender refused): never retried.
    case permanent(String)
    /// The server refused our login: a configuration problem.
    case authentication(String)

    public var description: String {
        switch self {
        case let .unreachable(text): "mail server unreachable: \(text)"
        case let .temporary(text): "temporary mail failure: \(text)"
        case let .permanent(text): "mail refused: \(text)"
        case let .authentication(text): "mail login refused: \(text)"
        }
    }
}
