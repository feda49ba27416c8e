import HubPluginSupport

/// Why a CalDAV exchange failed.
public enum CalDAVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server refused the credentials (401).
    case unauthorized(url: String)
    /// The account may not read the calendar (403 other than an invalid sync token).
    case forbidden(url: String)
    /// No calendar at the URL (404, 410).
    case notFound(url: String)
    /// The sync token is no longer valid (RFC 6578 `DAV:valid-sync-token`): a full resync is needed.
    case invalidSyncToken
    /// The server asks us to slow down (429, 503), with its `Retry-After` if it sent one.
    case throttled(retryAfter: Duration?, url: String)
    /// Any other unexpected status.
    case status(Int, url: String)
    /// The body is not what the protocol promises.
    case badResponse(String)
    /// No response at all (connect, TLS, timeout, size).
    case transport(HTTPTransportError)

    public var description: String {
        switch self {
        case let .unauthorized(url): "401 Unauthorized from \(url): check username and password"
        case let .forbidden(url): "403 Forbidden from \(url): the account may not read this calendar"
        case let .notFound(url): "no calendar at \(url) (404): check calendar_url and the user's calendar address"
        case .invalidSyncToken: "sync token no longer valid"
        case let .throttled(retryAfter, url): "\(url) asks to slow down\(retryAfter.map { " for \($0)" } ?? "")"
        case let .status(code, url): "unexpected HTTP \(code) from \(url)"
        case let .badResponse(reason): "bad response: \(reason)"
        case let .transport(error): "\(error)"
        }
    }
}

extension CalDAVError {
    /// The engine's view of the failure; reasons carry URLs and statuses, never credentials or subjects.
    var sourceError: CalendarSourceError {
        switch self {
        case .unauthorized, .forbidden: .accessDenied(description)
        case .notFound: .mailboxNotFound(description)
        case .invalidSyncToken: .syncTokenExpired
        case let .throttled(retryAfter, _): .throttled(retryAfter: retryAfter, description)
        case let .status(code, _) where code >= 500: .unavailable(description)
        case .status, .badResponse: .invalidResponse(description)
        case .transport: .unavailable(description)
        }
    }
}
