import Foundation

extension CurlHTTPClient {
    /// Settings shared by every request one ``CurlHTTPClient`` sends.
    public struct Configuration: Sendable, Equatable {
        /// Limit for establishing a connection (DNS, TCP and TLS handshake).
        public var connectTimeout: Duration
        /// Largest response body accepted, bytes; a larger one fails with `responseTooLarge`.
        public var maxResponseBytes: Int
        /// PEM file of CA certificates to trust instead of the system store (customer CAs).
        public var caFile: String?
        /// Skips certificate and host-name verification. Only for tests against self-signed peers.
        public var insecureSkipVerify: Bool
        /// Proxy URL (`http://proxy:3128`); `nil` means no proxy, also ignoring `http_proxy` variables.
        public var proxy: String?
        /// Credentials for the proxy, if it asks for them.
        public var proxyAuth: HTTPAuth?
        /// Whether 3xx answers are followed (at most 5 hops); off by default so callers see redirects.
        public var followRedirects: Bool
        /// Most parallel connections to one host; further requests wait for a free connection.
        public var maxConnectionsPerHost: Int
        /// `User-Agent` sent unless a request sets its own.
        public var userAgent: String

        /// Creates a configuration; out-of-range numbers are clamped (timeouts ≥ 1 ms, limits ≥ 1).
        public init(
            connectTimeout: Duration = .seconds(10), maxResponseBytes: Int = 16 << 20, caFile: String? = nil,
            insecureSkipVerify: Bool = false, proxy: String? = nil, proxyAuth: HTTPAuth? = nil,
            followRedirects: Bool = false, maxConnectionsPerHost: Int = 16, userAgent: String = "Hub/1"
        ) {
            self.connectTimeout = max(connectTimeout, .milliseconds(1))
            self.maxResponseBytes = max(maxResponseBytes, 1)
            self.caFile = caFile
            self.insecureSkipVerify = insecureSkipVerify
            self.proxy = proxy
            self.proxyAuth = proxyAuth
            self.followRedirects = followRedirects
            self.maxConnectionsPerHost = max(maxConnectionsPerHost, 1)
            self.userAgent = userAgent
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a tiny positive timeout never becomes "no timeout" (0) for curl.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(millis, 1))
    }
}
