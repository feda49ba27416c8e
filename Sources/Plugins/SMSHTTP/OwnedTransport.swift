import HubCore
import HubPluginSupport

/// The HTTP client of one `run`: a test's transport, or a libcurl client created for the run and
/// shut down when it ends.
struct OwnedTransport: Sendable {
    /// Where requests go.
    let transport: any HTTPTransport
    private let owned: CurlHTTPClient?

    /// Uses `injected`, or starts a libcurl client (connect timeout capped by `timeout`).
    init(_ injected: (any HTTPTransport)?, timeout: Duration) throws {
        if let injected {
            transport = injected
            owned = nil
            return
        }
        do {
            let client = try CurlHTTPClient(configuration: .init(connectTimeout: min(timeout, .seconds(10))))
            transport = client
            owned = client
        } catch {
            throw PluginError.unavailable("cannot start the HTTP client: \(error)")
        }
    }

    /// Stops the libcurl client if this run created it.
    func shutdown() { owned?.shutdown() }
}
