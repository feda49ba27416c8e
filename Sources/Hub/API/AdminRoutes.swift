import Foundation
import HubCore
import Hummingbird

/// Audit log (ADM-3), tokens (SEC-2) and plugin instances.
enum AdminRoutes {
    static func register(_ routes: RouteTable, _ services: HubServices) {
        let repository = services.repository
        let tokens = services.tokens
        let plugins = services.plugins
        let engine = services.engine
        routes.add(.get, "/api/v1/tenants/{tenant}/audit") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            guard principal.role.readsAudit else { throw APIError.forbidden("reading the audit log needs main_admin or reporting") }
            let limit = try DirectoryRoutes.limit(request, default: 100)
            var before: Int64?
            if let text = request.uri.queryParameters.get("before") {
                guard let value = Int64(text) else { throw APIError.badRequest("$.before", "must be an audit entry id") }
                before = value
            }
            return try APIJSON.response(try repository.auditLog(tenant: tenant, beforeID: before, limit: limit))
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/tokens") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            return try APIJSON.response(try tokens.list(tenant: tenant).map(TokenView.init))
        }
        routes.add(.post, "/api/v1/tenants/{tenant}/tokens") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let body = try await APIJSON.body(NewToken.self, request, context: context, allowed: ["name", "role", "user"])
            guard body.role != .hubAdmin else { throw APIError.badRequest("$.role", "hub_admin tokens are created with the CLI only") }
            if body.role == .user, body.user == nil { throw APIError.badRequest("$.user", "a user token must name its user") }
            if let user = body.user { _ = try await engine.user(tenant: tenant, id: user) }
            guard !body.name.isEmpty, body.name.count <= 100 else { throw APIError.badRequest("$.name", "must be 1-100 characters") }
            let (record, secret) = try tokens.create(tenant: tenant, role: body.role, user: body.user, name: body.name)
            try repository.commit([], audit: [AuditRecord(
                id: nil, tenant: tenant, at: services.clock.now(), actor: principal.auditActor, action: "token.create",
                target: "token:\(record.id)", before: nil, after: try StoreCoding.encode(TokenView(record)))])
            return try APIJSON.response(CreatedToken(token: TokenView(record), secret: secret), status: .created)
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/tokens/{token}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try context.parameters.require("token")
            guard let record = try tokens.list(tenant: tenant).first(where: { $0.id == id }), try tokens.revoke(id: id) else {
                throw APIError.notFound("no active token '\(id)'")
            }
            try repository.commit([], audit: [AuditRecord(
                id: nil, tenant: tenant, at: services.clock.now(), actor: principal.auditActor, action: "token.revoke",
                target: "token:\(record.id)", before: try StoreCoding.encode(TokenView(record)), after: nil)])
            return APIJSON.noContent
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/plugins") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.supervisor, .operator], to: "see plugin instances")
            return try APIJSON.response(plugins.snapshot().filter { $0.tenant == tenant })
        }
        routes.add(.get, "/api/v1/plugins") { _, context in
            let principal = try context.requirePrincipal()
            guard principal.role == .hubAdmin else { throw APIError.forbidden("only a hub_admin token lists every plugin instance") }
            return try APIJSON.response(plugins.snapshot())
        }
    }

    struct NewToken: Codable {
        var name: String
        var role: TokenRole
        var user: UserID?
    }

    /// A token without its secret.
    struct TokenView: Codable {
        var id: String
        var name: String
        var role: TokenRole
        var tenant: TenantID?
        var user: UserID?
        var createdAt: Date
        var revokedAt: Date?

        init(_ record: TokenRecord) {
            id = record.id
            name = record.name
            role = record.role
            tenant = record.tenant
            user = record.user
            createdAt = record.createdAt
            revokedAt = record.revokedAt
        }
    }

    /// A new token and its secret, shown only in this answer.
    struct CreatedToken: Codable {
        var token: TokenView
        var secret: String
    }
}
