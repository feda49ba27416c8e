import Foundation

/// The production ``HTTPTransport``: libcurl under one multi handle and one thread per client, with
/// TLS (custom CA file), Basic, NTLM and bearer auth, proxies, timeouts and a response size limit.
///
/// Share one client per plugin instance (or per server): connections are pooled and reused.
///
/// ```swift
/// let http = try CurlHTTPClient(configuration: .init(connectTimeout: .seconds(5), caFile: settings.caFile))
/// let response = try await http.send(HTTPRequest(method: "GET", url: url, auth: .bearer(token)))
/// if let wait = RetryHint.delay(for: response, now: context.clock.now()) { try await context.clock.sleep(wait) }
/// ```
///
/// Cancelling the calling task aborts the transfer and `send` throws ``HTTPTransportError/cancelled``.
public final class CurlHTTPClient: HTTPTransport {
    /// The settings every request uses.
    public let configuration: Configuration
    private let loop: CurlMultiLoop

    /// Creates a client and starts its transfer thread; throws `invalidRequest` if libcurl cannot start.
    public init(configuration: Configuration = Configuration()) throws(HTTPTransportError) {
        self.configuration = configuration
        self.loop = try CurlMultiLoop(maxConnectionsPerHost: configuration.maxConnectionsPerHost)
    }

    deinit { loop.stop() }

    /// Stops the transfer thread; requests still running fail with `unreachable`, later ones too.
    public func shutdown() {
        loop.stop()
    }

    /// Sends `request` and returns the final response (any status), or throws ``HTTPTransportError``.
    public func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        if Task.isCancelled { throw .cancelled }
        let transfer = try CurlTransfer(request, configuration: configuration)
        let loop = self.loop
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPTransportError>, Never>) in
                transfer.continuation = continuation
                if !loop.submit(transfer) {
                    transfer.finish(.failure(.unreachable("client shut down")))
                }
            }
        } onCancel: {
            transfer.isCancelled = true
            loop.cancel(transfer)
        }
        return try result.get()
    }
}
