import HubCore
import Hummingbird

/// Directory search, groups and contacts (DIR-5..7).
enum DirectoryRoutes {
    static let contactFields: Set<String> = ["id", "scope", "user", "name", "company", "numbers", "email", "note"]

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let engine = services.engine
        routes.add(.get, "/api/v1/tenants/{tenant}/directory") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try await Access.requireFeature(.callLogAndDirectory, principal, tenant: tenant, engine: engine)
            let query = request.uri.queryParameters.get("q") ?? ""
            guard query.count <= 200 else { throw APIError.badRequest("$.q", "at most 200 characters") }
            let limit = try Self.limit(request, default: 50)
            let hits = try await engine.search(
                tenant: tenant, query: query, viewer: principal.user, limit: limit, redact: !principal.role.administers,
                showRoles: Access.viewer(principal) == nil)
            return try APIJSON.response(hits)
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
            return try APIJSON.response(try await engine.contacts(tenant: tenant, viewer: principal.user))
        }
        routes.add(.post, "/api/v1/tenants/{tenant}/contacts") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let object = try await APIJSON.object(request, context: context, allowed: contactFields)
            let contact = try await decodeContact(object, tenant: tenant, principal: principal, engine: engine)
            try authorize(contact, principal)
            return try APIJSON.response(try await engine.putContact(tenant: tenant, contact, expectNew: true, actor: principal.auditActor), status: .created)
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/contacts/{contact}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let id = try Access.id(context, "contact", as: ContactID.self)
            return try APIJSON.response(try await engine.contact(tenant: tenant, id: id, viewer: principal.user))
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/contacts/{contact}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let id = try Access.id(context, "contact", as: ContactID.self)
            var object = try await APIJSON.object(request, context: context, allowed: contactFields)
            try UserRoutes.checkBodyID(&object, id.rawValue)
            let existing = try await engine.contact(tenant: tenant, id: id, viewer: principal.user)
            try authorize(existing, principal)
            let contact = try await decodeContact(object, tenant: tenant, principal: principal, engine: engine)
            try authorize(contact, principal)
            return try APIJSON.response(try await engine.putContact(tenant: tenant, contact, expectNew: false, actor: principal.auditActor))
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/contacts/{contact}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let id = try Access.id(context, "contact", as: ContactID.self)
            try authorize(try await engine.contact(tenant: tenant, id: id, viewer: principal.user), principal)
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

    /// Decodes a contact: a non-admin token with a user defaults to its own personal list, and
    /// national numbers get the tenant's country code.
    static func decodeContact(_ object: [String: Any], tenant: TenantID, principal: Principal, engine: EngineService) async throws -> Contact {
        var object = object
        if object["scope"] == nil, let user = principal.user, !principal.role.administers {
            object["scope"] = ["kind": "personal", "owner": user.rawValue]
        }
        if let numbers = object["numbers"] as? [[String: Any]] {
            let country = try await engine.state(tenant).tenant.countryCode
            var issues = ValidationCollector()
            object["numbers"] = numbers.enumerated().map { index, entry -> [String: Any] in
                var entry = entry
                if let text = entry["number"] as? String {
                    do { entry["number"] = try PhoneNumber(text, countryCode: country).e164 } catch {
                        issues.add("$.numbers[\(index)].number", "'\(text)' is not a phone number: \(error)")
                    }
                }
                return entry
            }
            do { try issues.finish() } catch { throw APIError(HubError.invalid(error)) }
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
