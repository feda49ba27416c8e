import HTTPTypes
import Hummingbird

/// One API route as OpenAPI names it (`GET /api/v1/tenants/{tenant}`).
struct RouteSpec: Hashable, Sendable, Comparable {
    var method: String
    var path: String

    static func < (lhs: RouteSpec, rhs: RouteSpec) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }
}

/// Registers routes on the router and remembers them, so a test can compare them with `docs/openapi.yaml`.
final class RouteTable {
    let router: Router<HubRequestContext>
    private(set) var routes: [RouteSpec] = []

    init(router: Router<HubRequestContext>) { self.router = router }

    /// Adds a route; `path` uses `{name}` parameters as in OpenAPI.
    func add(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, HubRequestContext) async throws -> Response
    ) {
        routes.append(RouteSpec(method: method.rawValue, path: path))
        router.on(RouterPath(Self.hummingbirdPath(path)), method: method, use: handler)
    }

    /// Records a route registered elsewhere (the WebSocket upgrade route).
    func record(_ method: HTTPRequest.Method, _ path: String) {
        routes.append(RouteSpec(method: method.rawValue, path: path))
    }

    /// `{tenant}` → `:tenant`.
    static func hummingbirdPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }
}
