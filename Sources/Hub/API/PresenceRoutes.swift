import Foundation
import HubCore
import Hummingbird

/// Presence get/set (PRES-1..5, PRES-8).
enum PresenceRoutes {
    static let fields: Set<String> = ["activity", "role", "until", "note", "noteIfEmpty", "online", "idle", "occurredAt", "endsAt"]

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let engine = services.engine
        routes.add(.get, "/api/v1/tenants/{tenant}/presence") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try await Access.requireFeature(.callLogAndDirectory, principal, tenant: tenant, engine: engine)
            return try APIJSON.response(try await engine.presences(tenant: tenant, viewer: Access.viewer(principal)))
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/users/{user}/presence") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let user = try Access.id(context, "user", as: UserID.self)
            return try APIJSON.response(try await engine.presence(tenant: tenant, user: user, viewer: Access.viewer(principal)))
        }
        routes.add(.patch, "/api/v1/tenants/{tenant}/users/{user}/presence") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let user = try Access.id(context, "user", as: UserID.self)
            let own = principal.user == user
            guard own || principal.role.setsOthersPresence else {
                throw APIError.forbidden("a '\(principal.role.rawValue)' token may change only its own user's presence")
            }
            let source: PresenceSource = principal.role == .service ? .apiClient : own ? .user : .admin
            let object = try await APIJSON.object(request, context: context, allowed: fields)
            let update = try decodeUpdate(object, source: source)
            let outcome = try await engine.setPresence(
                tenant: tenant, user: user, update: update, actor: principal.auditActor, audited: !own && source == .admin)
            switch outcome {
            case let .applied(view):
                return try APIJSON.response(PresenceResult(result: "applied", reason: nil, presence: view))
            case let .ignored(reason, view):
                return try APIJSON.response(PresenceResult(result: "ignored", reason: reason.rawValue, presence: view))
            }
        }
    }

    /// The answer to a presence change: applied, or ignored with the PRES-8 reason.
    struct PresenceResult: Codable {
        var result: String
        var reason: String?
        var presence: PresenceView
    }

    /// Decodes a presence update: absent fields stay, `null` clears `until` and `note`.
    static func decodeUpdate(_ object: [String: Any], source: PresenceSource) throws -> PresenceUpdate {
        var issues = ValidationCollector()
        func string(_ key: String) -> String? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            guard let text = value as? String else {
                issues.add("$.\(key)", "expected a string")
                return nil
            }
            return text
        }
        func date(_ key: String) -> Date? {
            guard let text = string(key) else { return nil }
            guard let date = ISO8601.parse(text) else {
                issues.add("$.\(key)", "expected an ISO 8601 time such as 2026-11-25T14:00:00Z")
                return nil
            }
            return date
        }
        func bool(_ key: String) -> Bool? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            guard JSONValues.isBool(value), let flag = value as? Bool else {
                issues.add("$.\(key)", "expected true or false")
                return nil
            }
            return flag
        }
        func identifier<ID: StringIdentifier>(_ key: String, _ type: ID.Type) -> ID? {
            guard let text = string(key) else { return nil }
            guard Slug.isValid(text) else {
                issues.add("$.\(key)", Slug.rule)
                return nil
            }
            return ID(text)
        }
        var update = PresenceUpdate(source: source)
        update.activity = identifier("activity", ActivityID.self)
        update.role = identifier("role", RoleID.self)
        if object.keys.contains("until") { update.until = object["until"] is NSNull ? .clear : date("until").map { .set($0) } }
        if object.keys.contains("note") { update.note = object["note"] is NSNull ? .clear : string("note").map { .set($0) } }
        update.noteIfEmpty = string("noteIfEmpty")
        update.online = bool("online")
        update.idle = bool("idle")
        update.occurredAt = date("occurredAt")
        update.endsAt = date("endsAt")
        for key in ["occurredAt", "endsAt", "noteIfEmpty"] where object[key] != nil && source.isManual {
            issues.add("$.\(key)", "only service (api_client) tokens may send \(key)")
        }
        do { try issues.finish() } catch { throw APIError(HubError.invalid(error)) }
        return update
    }
}
