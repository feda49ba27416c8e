import HubCore
import Hummingbird

/// Authorization checks shared by the controllers (ADM-3, SEC-1).
enum Access {
    /// The tenant in the path, if the principal may see it; otherwise 404 exactly as for a missing tenant.
    static func tenant(_ context: HubRequestContext) throws -> (TenantID, Principal) {
        let principal = try context.requirePrincipal()
        let raw = try context.parameters.require("tenant")
        let tenant = TenantID(raw)
        guard principal.canSee(tenant) else { throw APIError.notFound("no tenant '\(raw)'") }
        return (tenant, principal)
    }

    /// Requires a role that administers the tenant.
    static func requireAdmin(_ principal: Principal) throws {
        guard principal.role.administers else {
            throw APIError.forbidden("role '\(principal.role.rawValue)' may not change tenant data; main_admin may")
        }
    }

    /// Requires one of `roles` (administrators always pass).
    static func require(_ principal: Principal, anyOf roles: Set<TokenRole>, to action: String) throws {
        guard principal.role.administers || roles.contains(principal.role) else {
            throw APIError.forbidden("role '\(principal.role.rawValue)' may not \(action); allowed: "
                + (["main_admin"] + roles.map(\.rawValue).sorted()).joined(separator: ", "))
        }
    }

    /// The viewer for visibility filtering: the token's user for the `user` role, nil (sees all) otherwise.
    static func viewer(_ principal: Principal) -> UserID? { principal.role == .user ? principal.user : nil }

    /// A path parameter as an identifier, 404 when malformed.
    static func id<ID: StringIdentifier>(_ context: HubRequestContext, _ name: String, as: ID.Type) throws -> ID {
        let raw = try context.parameters.require(name)
        guard Slug.isValid(raw) else { throw APIError.notFound("no \(name) '\(raw)'") }
        return ID(raw)
    }

    /// For a token acting as a user, checks the user's profile allows `feature` (DIR-2); the refusal
    /// names the profiles that would allow it. Tokens without a user act for the company and pass.
    static func requireFeature(_ feature: Feature, _ principal: Principal, tenant: TenantID, engine: EngineService) async throws {
        guard principal.role == .user, let id = principal.user else { return }
        let user = try await engine.user(tenant: tenant, id: id)
        do { _ = try EntitlementMatrix.standard.check(feature, for: user.profile) } catch {
            throw APIError.forbidden(error.description)
        }
    }
}
