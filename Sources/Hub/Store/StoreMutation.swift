import Foundation
import HubCore

/// One change to persisted state; a list of them commits in one transaction.
enum StoreMutation: Sendable {
    case upsertTenant(Tenant, ActivityCatalogue)
    case deleteTenant(TenantID)
    case upsertGroup(TenantID, Group)
    case deleteGroup(TenantID, GroupID)
    case upsertUser(TenantID, User)
    case deleteUser(TenantID, UserID)
    case setAddOns(TenantID, UserID, Set<AddOn>)
    case upsertContact(TenantID, Contact)
    case deleteContact(TenantID, ContactID)
    case upsertPresence(TenantID, UserID, Presence)
}

/// Everything stored for one tenant, loaded at start.
struct TenantSnapshot: Sendable {
    var tenant: Tenant
    var catalogue: ActivityCatalogue
    var groups: [Group]
    var users: [User]
    var addOns: [AddOn: Set<UserID>]
    var contacts: [Contact]
    var presences: [UserID: Presence]
}

/// An audit-log entry: who changed what, when, with the state before and after (ADM-3).
struct AuditRecord: Sendable, Codable, Equatable {
    var id: Int64?
    var tenant: TenantID?
    var at: Date
    /// Who: `token:<id>` plus the user when the token belongs to one, or `cli`, `system`, `plugin:<instance>`.
    var actor: String
    /// What: `user.create`, `presence.set`, `activity.update` …
    var action: String
    /// The changed object, e.g. `user:anna.virtanen`.
    var target: String
    /// JSON of the object before the change (nil when created).
    var before: String?
    /// JSON of the object after the change (nil when deleted).
    var after: String?
}

/// Persists tenants, directory, presence and audit entries.
protocol HubRepository: Sendable {
    /// Loads every tenant's state.
    func loadAll() throws -> [TenantSnapshot]
    /// Applies `mutations` and appends `audit` in one transaction; when it returns, all is on disk.
    func commit(_ mutations: [StoreMutation], audit: [AuditRecord]) throws
    /// Audit entries of a tenant, newest first, older than `beforeID` when given.
    func auditLog(tenant: TenantID?, beforeID: Int64?, limit: Int) throws -> [AuditRecord]
}

/// A stored API token (only its hash is kept).
struct TokenRecord: Sendable, Equatable {
    var id: String
    var hash: String
    /// nil for a hub-wide token (operator-side provisioning, ADM-2).
    var tenant: TenantID?
    var role: TokenRole
    /// The user the token acts as (required for role `user`).
    var user: UserID?
    var name: String
    var createdAt: Date
    var revokedAt: Date?
}

/// Persists API tokens.
protocol TokenRepository: Sendable {
    func insert(_ token: TokenRecord) throws
    func token(hash: String) throws -> TokenRecord?
    func tokens(tenant: TenantID?) throws -> [TokenRecord]
    func revoke(id: String, at: Date) throws -> Bool
}

/// Persists plugin instances' key-value state.
protocol PluginStateRepository: Sendable {
    func value(instance: String, key: String) throws -> String?
    func set(instance: String, key: String, value: String?) throws
}
