import Hummingbird
import HummingbirdWebSocket

/// Builds the hub's router: middleware, every API route, and the WebSocket route.
enum APIRouter {
    /// The router and the table of routes it serves (for the OpenAPI check).
    static func build(_ services: HubServices) -> (router: Router<HubRequestContext>, routes: RouteTable) {
        let router = Router(context: HubRequestContext.self)
        router.add(middleware: ErrorMiddleware(metrics: services.metrics))
        router.add(middleware: AuthMiddleware(tokens: services.tokens))
        let routes = RouteTable(router: router)
        SystemRoutes.register(routes, services)
        TenantRoutes.register(routes, services)
        UserRoutes.register(routes, services)
        PresenceRoutes.register(routes, services)
        DirectoryRoutes.register(routes, services)
        CatalogueRoutes.register(routes, services)
        AdminRoutes.register(routes, services)
        EventRoutes.register(routes, services)
        MessageRoutes.register(routes, services)
        NotificationRoutes.register(routes, services)
        RoutingAdminRoutes.register(routes, services)
        CallRoutes.register(routes, services)
        QueueRoutes.register(routes, services)
        PluginSyncRoutes.register(routes, services)
        EventRoutes.registerWebSocket(router, routes, services)
        return (router, routes)
    }
}
