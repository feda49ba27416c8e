import HubCore

/// Who is calling the API: the token's id, tenant scope, role and user.
struct Principal: Sendable, Equatable {
    var tokenID: String
    /// nil for a hub-wide token.
    var tenant: TenantID?
    var role: TokenRole
    var user: UserID?

    /// The audit-log actor string (`token:<id>` and the user, if any).
    var auditActor: String { user.map { "token:\(tokenID) user:\($0)" } ?? "token:\(tokenID)" }

    /// Whether the principal may act inside `tenant` at all (others get 404, never data).
    func canSee(_ tenant: TenantID) -> Bool { role == .hubAdmin || self.tenant == tenant }
}
