import Foundation

/// One HTTP request a plugin sends through an ``HTTPTransport``.
public struct HTTPRequest: Sendable, Equatable {
    /// Method, upper case (`GET`, `POST`, `REPORT`, `PROPFIND` …).
    public var method: String
    /// Absolute URL (`https://mail.example.com/EWS/Exchange.asmx`).
    public var url: String
    /// Header fields in order; names as sent.
    public var headers: [HTTPField]
    /// Body bytes, if any.
    public var body: Data?
    /// Credentials for this request.
    public var auth: HTTPAuth?
    /// Whole-request timeout.
    public var timeout: Duration

    /// Creates a request.
    public init(method: String, url: String, headers: [HTTPField] = [], body: Data? = nil, auth: HTTPAuth? = nil, timeout: Duration = .seconds(30)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.auth = auth
        self.timeout = timeout
    }
}

/// One header field.
public struct HTTPField: Sendable, Equatable {
    /// Field name.
    public var name: String
    /// Field value.
    public var value: String
    /// Creates a header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// How a request authenticates.
public enum HTTPAuth: Sendable, Equatable {
    /// HTTP Basic.
    case basic(user: String, password: String)
    /// NTLM (on-premises Exchange), `DOMAIN\\user` or `user@domain`.
    case ntlm(user: String, password: String)
    /// `Authorization: Bearer <token>` (OAuth 2 access tokens).
    case bearer(String)
}

/// The answer to an ``HTTPRequest``.
public struct HTTPResponse: Sendable, Equatable {
    /// Status code (200, 207, 429 …).
    public var status: Int
    /// Header fields of the final response, in order.
    public var headers: [HTTPField]
    /// Body bytes (bounded by the transport's size limit).
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [HTTPField] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Why an HTTP exchange produced no response.
public enum HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DNS, connect, TLS or reset: the peer could not be reached or dropped the connection.
    case unreachable(String)
    /// No complete response within the request's timeout.
    case timedOut
    /// The body exceeded the transport's size limit (bytes).
    case responseTooLarge(limit: Int)
    /// The request itself is unusable (bad URL, unsupported option).
    case invalidRequest(String)
    /// The calling task was cancelled; the transfer was aborted.
    case cancelled

    public var description: String {
        switch self {
        case let .unreachable(reason): "unreachable: \(reason)"
        case .timedOut: "timed out"
        case let .responseTooLarge(limit): "response larger than \(limit) bytes"
        case let .invalidRequest(reason): "invalid request: \(reason)"
        case .cancelled: "cancelled"
        }
    }
}

/// Sends HTTP requests; `CurlHTTPClient` in production, fixture transports in tests.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the final response (any status), or throws ``HTTPTransportError``.
    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse
}
