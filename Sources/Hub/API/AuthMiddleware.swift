import Logging
import Hummingbird
import HubCore

/// Resolves `Authorization: Bearer <token>` (or `?access_token=` for browser streams) to a principal.
struct AuthMiddleware: RouterMiddleware {
    let tokens: TokenService

    func handle(_ request: Request, context: HubRequestContext, next: (Request, HubRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        // Health checks stay answerable whatever a load balancer sends.
        if request.uri.path != "/healthz", let secret = Self.secret(in: request) {
            guard let principal = try tokens.verify(secret) else { throw APIError.unauthorized }
            context.principal = principal
        }
        return try await next(request, context)
    }

    static func secret(in request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingSpaces }
            return nil
        }
        // Browsers cannot set headers on EventSource/WebSocket; elsewhere tokens stay out of URLs (and logs).
        let path = request.uri.path
        guard path.hasSuffix("/events") || path.hasSuffix("/events/ws") else { return nil }
        return request.uri.queryParameters.get("access_token")
    }
}

extension String {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

/// Counts requests and turns every error into the API's JSON error shape; the server never crashes on input.
struct ErrorMiddleware: RouterMiddleware {
    let metrics: HubMetrics

    func handle(_ request: Request, context: HubRequestContext, next: (Request, HubRequestContext) async throws -> Response) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HubError {
            response = try APIError(error).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let message = error.status == .contentTooLarge
                ? "request body is larger than \(APILimits.maxBodyBytes) bytes" : (error.status.reasonPhrase)
            response = try APIError(status: error.status, code: error.status == .contentTooLarge ? "too_large" : "http_error",
                                    message: message).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            response = try APIError(status: .internalServerError, code: "internal", message: "internal error")
                .response(from: request, context: context)
        }
        metrics.countRequest(method: request.method.rawValue, status: response.status.code)
        return response
    }
}
