import HubCore
import Hummingbird

/// Users, their add-on licences and the tenant's numbers (DIR-2..4).
enum UserRoutes {
    static let fields: Set<String> = [
        "id", "firstName", "lastName", "profile", "enterpriseNumber", "mobileNumber", "faxNumber", "email", "company",
        "department", "title", "keywords", "extraInfo", "groups", "permissions", "badgeIDs", "calendar", "showsRole",
    ]

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let engine = services.engine
        routes.add(.get, "/api/v1/tenants/{tenant}/users") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try await Access.requireFeature(.callLogAndDirectory, principal, tenant: tenant, engine: engine)
            let users = try await engine.users(tenant: tenant)
            return try APIJSON.response(principal.role.administers ? users : users.map { $0.id == principal.user ? $0 : $0.redactedForDirectory })
        }
        routes.add(.post, "/api/v1/tenants/{tenant}/users") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let object = try await APIJSON.object(request, context: context, allowed: fields)
            let user = try await decodeUser(object, tenant: tenant, engine: engine)
            return try APIJSON.response(try await engine.putUser(tenant: tenant, user, expectNew: true, actor: principal.auditActor), status: .created)
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/users/{user}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let user = try await engine.user(tenant: tenant, id: try Access.id(context, "user", as: UserID.self))
            return try APIJSON.response(principal.role.administers || user.id == principal.user ? user : user.redactedForDirectory)
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/users/{user}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try Access.id(context, "user", as: UserID.self)
            var object = try await APIJSON.object(request, context: context, allowed: fields)
            try checkBodyID(&object, id.rawValue)
            let user = try await decodeUser(object, tenant: tenant, engine: engine)
            return try APIJSON.response(try await engine.putUser(tenant: tenant, user, expectNew: false, actor: principal.auditActor))
        }
        routes.add(.patch, "/api/v1/tenants/{tenant}/users/{user}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try Access.id(context, "user", as: UserID.self)
            let patch = try await APIJSON.object(request, context: context, allowed: fields.subtracting(["id"]))
            let current = try await engine.user(tenant: tenant, id: id)
            let country = try await engine.state(tenant).tenant.countryCode
            let user = try APIJSON.merge(current, patch: try normaliseNumbers(patch, countryCode: country))
            return try APIJSON.response(try await engine.putUser(tenant: tenant, user, expectNew: false, actor: principal.auditActor))
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/users/{user}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            try await engine.deleteUser(tenant: tenant, id: try Access.id(context, "user", as: UserID.self), actor: principal.auditActor)
            return APIJSON.noContent
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/users/{user}/add-ons") { _, context in
            let (tenant, _) = try Access.tenant(context)
            let addOns = try await engine.addOns(tenant: tenant, user: try Access.id(context, "user", as: UserID.self))
            return try APIJSON.response(addOns.map(\.rawValue).sorted())
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/users/{user}/add-ons/{addOn}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let addOns = try await engine.takeAddOn(
                tenant: tenant, user: try Access.id(context, "user", as: UserID.self), try addOn(context), actor: principal.auditActor)
            return try APIJSON.response(addOns.map(\.rawValue).sorted())
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/users/{user}/add-ons/{addOn}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let addOns = try await engine.releaseAddOn(
                tenant: tenant, user: try Access.id(context, "user", as: UserID.self), try addOn(context), actor: principal.auditActor)
            return try APIJSON.response(addOns.map(\.rawValue).sorted())
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/numbers") { _, context in
            let (tenant, _) = try Access.tenant(context)
            let numbers = try await engine.numbers(tenant: tenant).map { NumberView(number: $0.number, owner: $0.owner, kind: $0.kind) }
            return try APIJSON.response(numbers)
        }
    }

    struct NumberView: Codable {
        var number: PhoneNumber
        var owner: String
        var kind: String
    }

    private static func addOn(_ context: HubRequestContext) throws -> AddOn {
        let raw = try context.parameters.require("addOn")
        guard let addOn = AddOn(rawValue: raw) else {
            throw APIError.notFound("no add-on '\(raw)'; add-ons: " + AddOn.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return addOn
    }

    /// The id in a PUT body must match the path (or be left out).
    static func checkBodyID(_ object: inout [String: Any], _ id: String) throws {
        if let bodyID = object["id"] {
            guard (bodyID as? String) == id else { throw APIError.badRequest("$.id", "does not match the id in the path ('\(id)')") }
        }
        object["id"] = id
    }

    /// Decodes a user, normalising national numbers with the tenant's country code.
    static func decodeUser(_ object: [String: Any], tenant: TenantID, engine: EngineService) async throws -> User {
        let country = try await engine.state(tenant).tenant.countryCode
        return try APIJSON.decode(User.self, from: try normaliseNumbers(object, countryCode: country))
    }

    /// Rewrites number fields to E.164 with the tenant's country code; a bad number is a 422 naming the field.
    static func normaliseNumbers(_ object: [String: Any], countryCode: String) throws -> [String: Any] {
        var object = object
        var issues = ValidationCollector()
        for field in ["enterpriseNumber", "mobileNumber", "faxNumber"] {
            guard let text = object[field] as? String else { continue }
            do { object[field] = try PhoneNumber(text, countryCode: countryCode).e164 } catch {
                issues.add("$.\(field)", "'\(text)' is not a phone number: \(error.description)")
            }
        }
        do { try issues.finish() } catch { throw APIError(HubError.invalid(error)) }
        return object
    }
}
