import HubCore
import Hummingbird

/// Directory search, groups and contacts (DIR-5..7).
enum DirectoryRoutes {
    static let contactFields: Set<String> = ["id", "scope", "user", "name", "company", "numbers", "email", "note"]

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let engine = services.engine
        routes.add(.get, "/api/v1/tenants/{tenant}/directory") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let query = request.uri.queryParameters.get("q") ?? ""
            guard query.count <= 200 else { throw APIError.badRequest("$.q", "at most 200 characters") }
            let limit = try Self.limit(request, default: 50)
            return try APIJSON.response(try await engine.search(tenant: tenant, query: query, viewer: Access.viewer(principal), limit: limit))
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/groups") { _, context in
            let (tenant, _) = try Access.tenant(context)
            return try APIJSON.response(try await engine.groups(tenant: tenant))
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/groups/{group}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try Access.id(context, "group", as: GroupID.self)
            var object = try await APIJSON.object(request, context: context, allowed: ["id", "name"])
            try UserRoutes.checkBodyID(&object, id.rawValue)
            let group = try APIJSON.decode(Group.self, from: object)
            return try APIJSON.response(try await engine.putGroup(tenant: tenant, group, actor: principal.auditActor))
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/groups/{group}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            try await engine.deleteGroup(tenant: tenant, id: try Access.id(context, "group", as: GroupID.self), actor: principal.auditActor)
            return APIJSON.noContent
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/contacts") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            return try APIJSON.response(try await engine.contacts(tenant: tenant, viewer: Access.viewer(principal)))
        }
        routes.add(.post, "/api/v1/tenants/{tenant}/contacts") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let object = try await APIJSON.object(request, context: context, allowed: contactFields)
            let contact = try decodeContact(object, tenant: tenant, principal: principal)
            try authorize(contact, principal)
            return try APIJSON.response(try await engine.putContact(tenant: tenant, contact, expectNew: true, actor: principal.auditActor), status: .created)
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/contacts/{contact}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let id = try Access.id(context, "contact", as: ContactID.self)
            let contact = try await engine.contact(tenant: tenant, id: id)
            if let viewer = Access.viewer(principal) {
                let groups = (try? await engine.user(tenant: tenant, id: viewer).groups) ?? []
                guard contact.isVisible(to: viewer, groups: groups) else { throw APIError.notFound("no contact '\(id)'") }
            }
            return try APIJSON.response(contact)
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/contacts/{contact}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let id = try Access.id(context, "contact", as: ContactID.self)
            var object = try await APIJSON.object(request, context: context, allowed: contactFields)
            try UserRoutes.checkBodyID(&object, id.rawValue)
            let existing = try await engine.contact(tenant: tenant, id: id)
            try authorize(existing, principal)
            let contact = try decodeContact(object, tenant: tenant, principal: principal)
            try authorize(contact, principal)
            return try APIJSON.response(try await engine.putContact(tenant: tenant, contact, expectNew: false, actor: principal.auditActor))
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/contacts/{contact}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let id = try Access.id(context, "contact", as: ContactID.self)
            try authorize(try await engine.contact(tenant: tenant, id: id), principal)
            try await engine.deleteContact(tenant: tenant, id: id, actor: principal.auditActor)
            return APIJSON.noContent
        }
    }

    /// Personal contacts belong to their owner; company and group contacts to main admins (DIR-7).
    static func authorize(_ contact: Contact, _ principal: Principal) throws {
        if principal.role.administers { return }
        if case let .personal(owner) = contact.scope, owner == principal.user { return }
        throw APIError.forbidden("only the owner changes a personal contact, and only main_admin changes company or group contacts")
    }

    /// Decodes a contact; a user token's contact defaults to its own personal list.
    static func decodeContact(_ object: [String: Any], tenant: TenantID, principal: Principal) throws -> Contact {
        var object = object
        if object["scope"] == nil, let user = principal.user, !principal.role.administers {
            object["scope"] = ["kind": "personal", "owner": user.rawValue]
        }
        return try APIJSON.decode(Contact.self, from: object)
    }

    static func limit(_ request: Request, default value: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return value }
        guard let limit = Int(text), (1...APILimits.maxPage).contains(limit) else {
            throw APIError.badRequest("$.limit", "must be an integer from 1 to \(APILimits.maxPage)")
        }
        return limit
    }
}
