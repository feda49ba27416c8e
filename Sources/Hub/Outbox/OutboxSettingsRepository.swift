import Foundation
import GRDB
import HubCore

/// Per-tenant sender rules and per-user notification preferences, stored as JSON bodies.
struct OutboxSettingsRepository: Sendable {
    let database: HubDatabase

    /// The tenant's sender rules, or the defaults when an admin never set them.
    func senderRules(tenant: TenantID) throws -> SenderRules {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM message_sender_rules WHERE tenant = ?", arguments: [tenant.rawValue])
                .map { try StoreCoding.decode(SenderRules.self, $0) } ?? SenderRules()
        }
    }

    /// Replaces the tenant's sender rules.
    func setSenderRules(_ rules: SenderRules, tenant: TenantID) throws {
        try database.pool.write { db in
            try db.execute(
                sql: "INSERT INTO message_sender_rules (tenant, body) VALUES (?, ?) ON CONFLICT(tenant) DO UPDATE SET body = excluded.body",
                arguments: [tenant.rawValue, try StoreCoding.encode(rules)])
        }
    }

    /// A user's notification preferences, or none for every kind.
    func preferences(tenant: TenantID, user: UserID) throws -> NotificationPreferences {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM notification_preferences WHERE tenant = ? AND user = ?",
                                arguments: [tenant.rawValue, user.rawValue])
                .map { try StoreCoding.decode(NotificationPreferences.self, $0) } ?? NotificationPreferences()
        }
    }

    /// Replaces a user's notification preferences.
    func setPreferences(_ preferences: NotificationPreferences, tenant: TenantID, user: UserID) throws {
        try database.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO notification_preferences (tenant, user, body) VALUES (?, ?, ?)
                    ON CONFLICT(tenant, user) DO UPDATE SET body = excluded.body
                    """,
                arguments: [tenant.rawValue, user.rawValue, try StoreCoding.encode(preferences)])
        }
    }
}
