import Hummingbird
import HummingbirdWebSocket
import Logging

/// The per-request context: Hummingbird's core storage, the authenticated principal, and WebSocket upgrade state.
struct HubRequestContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<HubRequestContext>
    /// Set by `AuthMiddleware` for requests with a valid bearer token.
    var principal: Principal?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
    }

    /// Request bodies larger than this are refused with 413.
    var maxUploadSize: Int { APILimits.maxBodyBytes }

    /// The principal, or 401 when the request carried no valid token.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.unauthorized }
        return principal
    }
}

/// Limits on what clients may send.
enum APILimits {
    /// Largest accepted request body (bytes).
    static let maxBodyBytes = 256 * 1024
    /// Largest page a list endpoint returns.
    static let maxPage = 1_000
}
