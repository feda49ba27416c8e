import Hummingbird
import NIOCore

/// Health and metrics endpoints.
enum SystemRoutes {
    static func register(_ routes: RouteTable, _ services: HubServices) {
        let metrics = services.metrics
        routes.add(.get, "/healthz") { _, _ in
            try APIJSON.response(["status": "ok"])
        }
        routes.add(.get, "/metrics") { _, context in
            let principal = try context.requirePrincipal()
            // Metrics cover every tenant, so only the hub operator reads them (SEC-1).
            guard principal.role == .hubAdmin else { throw APIError.forbidden("metrics need a hub_admin token") }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
        }
    }
}
