import Foundation
import HubCore
import Hummingbird

/// A user's notification preferences per event kind (MSG-4); the user themself or an admin changes them.
enum NotificationRoutes {
    static let path = "/api/v1/tenants/{tenant}/users/{user}/notifications"

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let outbox = services.outbox
        let engine = services.engine
        routes.add(.get, path) { _, context in
            let (tenant, principal, user) = try await target(context, engine)
            guard principal.user == user || principal.role != .user else {
                throw APIError.forbidden("a 'user' token may read only its own user's notification preferences")
            }
            return try APIJSON.response(try outbox.settings.preferences(tenant: tenant, user: user))
        }
        routes.add(.put, path) { request, context in
            let (tenant, principal, user) = try await target(context, engine)
            guard principal.user == user || principal.role.administers else {
                throw APIError.forbidden("role '\(principal.role.rawValue)' may change only its own user's notification preferences; main_admin may change anyone's")
            }
            let allowed = Set(NotificationKind.allCases.map(\.rawValue))
            let preferences = try await APIJSON.body(NotificationPreferences.self, request, context: context, allowed: allowed)
            try outbox.settings.setPreferences(preferences, tenant: tenant, user: user)
            return try APIJSON.response(preferences)
        }
    }

    /// Tenant, principal and an existing user of the tenant (404 otherwise).
    static func target(_ context: HubRequestContext, _ engine: EngineService) async throws -> (TenantID, Principal, UserID) {
        let (tenant, principal) = try Access.tenant(context)
        let user = try Access.id(context, "user", as: UserID.self)
        _ = try await engine.user(tenant: tenant, id: user)
        return (tenant, principal, user)
    }
}
