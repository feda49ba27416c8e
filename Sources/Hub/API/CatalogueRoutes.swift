import HubCore
import Hummingbird

/// The tenant's presence catalogue: activities and roles (PRES-1, PRES-2).
enum CatalogueRoutes {
    static func register(_ routes: RouteTable, _ services: HubServices) {
        let engine = services.engine
        routes.add(.get, "/api/v1/tenants/{tenant}/activities") { _, context in
            let (tenant, _) = try Access.tenant(context)
            return try APIJSON.response(try await engine.catalogue(tenant: tenant))
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/activities/{activity}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try Access.id(context, "activity", as: ActivityID.self)
            var object = try await APIJSON.object(request, context: context, allowed: ["id", "name", "availableForGroupCalls"])
            try UserRoutes.checkBodyID(&object, id.rawValue)
            let activity = try APIJSON.decode(Activity.self, from: object)
            return try APIJSON.response(try await engine.putActivity(tenant: tenant, activity, actor: principal.auditActor))
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/activities/{activity}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            try await engine.deleteActivity(tenant: tenant, id: try Access.id(context, "activity", as: ActivityID.self), actor: principal.auditActor)
            return APIJSON.noContent
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/roles") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let body = try await APIJSON.body(RolesBody.self, request, context: context, allowed: ["roles"])
            try await engine.setRoles(tenant: tenant, body.roles, actor: principal.auditActor)
            return try APIJSON.response(try await engine.catalogue(tenant: tenant))
        }
    }

    struct RolesBody: Codable {
        var roles: [RoleID]
    }
}
