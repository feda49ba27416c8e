import HubCore
import Hummingbird

/// Tenants: operator-side provisioning (ADM-2) and the tenant's own view (DIR-1, DIR-3).
enum TenantRoutes {
    static let fields: Set<String> = ["id", "name", "timeZone", "countryCode", "licences"]

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let engine = services.engine
        routes.add(.get, "/api/v1/tenants") { _, context in
            let principal = try context.requirePrincipal()
            let all = await engine.tenantViews()
            return try APIJSON.response(all.filter { principal.canSee($0.id) })
        }
        routes.add(.post, "/api/v1/tenants") { request, context in
            let principal = try context.requirePrincipal()
            guard principal.role == .hubAdmin else { throw APIError.forbidden("only a hub_admin token creates tenants") }
            let tenant = try await APIJSON.body(Tenant.self, request, context: context, allowed: fields)
            return try APIJSON.response(try await engine.createTenant(tenant, actor: principal.auditActor), status: .created)
        }
        routes.add(.get, "/api/v1/tenants/{tenant}") { _, context in
            let (tenant, _) = try Access.tenant(context)
            return try APIJSON.response(try await engine.tenantView(tenant))
        }
        routes.add(.patch, "/api/v1/tenants/{tenant}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let patch = try await APIJSON.object(request, context: context, allowed: fields.subtracting(["id"]))
            let current = try await engine.state(tenant).tenant
            var updated = try APIJSON.merge(current, patch: patch)
            updated.id = tenant
            return try APIJSON.response(try await engine.updateTenant(updated, actor: principal.auditActor))
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            guard principal.role == .hubAdmin else { throw APIError.forbidden("only a hub_admin token deletes tenants") }
            try await engine.deleteTenant(tenant, actor: principal.auditActor)
            return APIJSON.noContent
        }
        routes.add(.get, "/api/v1/me") { _, context in
            let principal = try context.requirePrincipal()
            return try APIJSON.response(MeView(token: principal.tokenID, tenant: principal.tenant, role: principal.role.rawValue, user: principal.user))
        }
    }

    struct MeView: Codable {
        var token: String
        var tenant: TenantID?
        var role: String
        var user: UserID?
    }
}
