import Foundation
import GRDB
import HubCore

/// The SQLite implementation of the hub's repositories.
struct SQLiteRepository: HubRepository, TokenRepository, PluginStateRepository {
    let database: HubDatabase

    func loadAll() throws -> [TenantSnapshot] {
        try database.pool.read { db in
            var snapshots: [TenantSnapshot] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, body, catalogue FROM tenant ORDER BY id") {
                let id: String = row["id"]
                let tenant = try StoreCoding.decode(Tenant.self, row["body"])
                let catalogue = try StoreCoding.decode(ActivityCatalogue.self, row["catalogue"])
                func bodies<T: Decodable>(_ table: String, _ type: T.Type) throws -> [T] {
                    try String.fetchAll(db, sql: "SELECT body FROM \(table) WHERE tenant = ? ORDER BY id", arguments: [id])
                        .map { try StoreCoding.decode(type, $0) }
                }
                var addOns: [AddOn: Set<UserID>] = [:]
                for addOnRow in try Row.fetchAll(db, sql: "SELECT add_on, user FROM add_on WHERE tenant = ?", arguments: [id]) {
                    guard let addOn = AddOn(rawValue: addOnRow["add_on"]) else { continue }
                    addOns[addOn, default: []].insert(UserID(addOnRow["user"] as String))
                }
                var presences: [UserID: Presence] = [:]
                for presenceRow in try Row.fetchAll(db, sql: "SELECT user, body FROM presence WHERE tenant = ?", arguments: [id]) {
                    presences[UserID(presenceRow["user"] as String)] = try StoreCoding.decode(Presence.self, presenceRow["body"])
                }
                snapshots.append(TenantSnapshot(
                    tenant: tenant, catalogue: catalogue, groups: try bodies("user_group", Group.self),
                    users: try bodies("user", User.self), addOns: addOns, contacts: try bodies("contact", Contact.self),
                    presences: presences))
            }
            return snapshots
        }
    }

    func commit(_ mutations: [StoreMutation], audit: [AuditRecord]) throws {
        try database.pool.write { db in
            for mutation in mutations { try apply(mutation, db) }
            for record in audit {
                try db.execute(
                    sql: "INSERT INTO audit (tenant, at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [record.tenant?.rawValue, record.at.timeIntervalSince1970, record.actor, record.action,
                                record.target, record.before, record.after])
            }
        }
    }

    private func apply(_ mutation: StoreMutation, _ db: Database) throws {
        switch mutation {
        case let .upsertTenant(tenant, catalogue):
            try db.execute(
                sql: """
                    INSERT INTO tenant (id, body, catalogue, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET body = excluded.body, catalogue = excluded.catalogue
                    """,
                arguments: [tenant.id.rawValue, try StoreCoding.encode(tenant), try StoreCoding.encode(catalogue),
                            Date().timeIntervalSince1970])
        case let .deleteTenant(id):
            try db.execute(sql: "DELETE FROM tenant WHERE id = ?", arguments: [id.rawValue])
        case let .upsertGroup(tenant, group):
            try upsertBody("user_group", tenant, group.id.rawValue, try StoreCoding.encode(group), db)
        case let .deleteGroup(tenant, id):
            try db.execute(sql: "DELETE FROM user_group WHERE tenant = ? AND id = ?", arguments: [tenant.rawValue, id.rawValue])
        case let .upsertUser(tenant, user):
            try upsertBody("user", tenant, user.id.rawValue, try StoreCoding.encode(user), db)
            try replaceNumbers(tenant, owner: "user:\(user.id)", user.numbers, db)
        case let .deleteUser(tenant, id):
            try db.execute(sql: "DELETE FROM user WHERE tenant = ? AND id = ?", arguments: [tenant.rawValue, id.rawValue])
            try db.execute(sql: "DELETE FROM presence WHERE tenant = ? AND user = ?", arguments: [tenant.rawValue, id.rawValue])
            try db.execute(sql: "DELETE FROM add_on WHERE tenant = ? AND user = ?", arguments: [tenant.rawValue, id.rawValue])
            try replaceNumbers(tenant, owner: "user:\(id)", [], db)
        case let .setAddOns(tenant, user, addOns):
            try db.execute(sql: "DELETE FROM add_on WHERE tenant = ? AND user = ?", arguments: [tenant.rawValue, user.rawValue])
            for addOn in addOns {
                try db.execute(sql: "INSERT INTO add_on (tenant, add_on, user) VALUES (?, ?, ?)",
                               arguments: [tenant.rawValue, addOn.rawValue, user.rawValue])
            }
        case let .upsertContact(tenant, contact):
            try upsertBody("contact", tenant, contact.id.rawValue, try StoreCoding.encode(contact), db)
        case let .deleteContact(tenant, id):
            try db.execute(sql: "DELETE FROM contact WHERE tenant = ? AND id = ?", arguments: [tenant.rawValue, id.rawValue])
        case let .upsertPresence(tenant, user, presence):
            try db.execute(
                sql: """
                    INSERT INTO presence (tenant, user, body) VALUES (?, ?, ?)
                    ON CONFLICT(tenant, user) DO UPDATE SET body = excluded.body
                    """,
                arguments: [tenant.rawValue, user.rawValue, try StoreCoding.encode(presence)])
        }
    }

    private func upsertBody(_ table: String, _ tenant: TenantID, _ id: String, _ body: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO \(table) (tenant, id, body) VALUES (?, ?, ?) ON CONFLICT(tenant, id) DO UPDATE SET body = excluded.body",
            arguments: [tenant.rawValue, id, body])
    }

    private func replaceNumbers(_ tenant: TenantID, owner: String, _ numbers: [PhoneNumber], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM number WHERE tenant = ? AND owner = ?", arguments: [tenant.rawValue, owner])
        for number in numbers {
            try db.execute(sql: "INSERT INTO number (e164, tenant, owner) VALUES (?, ?, ?)",
                           arguments: [number.e164, tenant.rawValue, owner])
        }
    }

    func auditLog(tenant: TenantID?, beforeID: Int64?, limit: Int) throws -> [AuditRecord] {
        try database.pool.read { db in
            var sql = "SELECT * FROM audit WHERE tenant IS ?"
            var arguments: StatementArguments = [tenant?.rawValue]
            if let beforeID {
                sql += " AND id < ?"
                arguments += [beforeID]
            }
            sql += " ORDER BY id DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                AuditRecord(
                    id: row["id"], tenant: (row["tenant"] as String?).map(TenantID.init),
                    at: Date(timeIntervalSince1970: row["at"]), actor: row["actor"], action: row["action"],
                    target: row["target"], before: row["before"], after: row["after"])
            }
        }
    }

    // MARK: tokens

    func insert(_ token: TokenRecord) throws {
        try database.pool.write { db in
            try db.execute(
                sql: "INSERT INTO token (id, hash, tenant, role, user, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [token.id, token.hash, token.tenant?.rawValue, token.role.rawValue, token.user?.rawValue,
                            token.name, token.createdAt.timeIntervalSince1970])
        }
    }

    func token(hash: String) throws -> TokenRecord? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM token WHERE hash = ?", arguments: [hash]).flatMap(Self.token(from:))
        }
    }

    func tokens(tenant: TenantID?) throws -> [TokenRecord] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM token WHERE tenant IS ? ORDER BY created_at", arguments: [tenant?.rawValue])
                .compactMap(Self.token(from:))
        }
    }

    func revoke(id: String, at: Date) throws -> Bool {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                           arguments: [at.timeIntervalSince1970, id])
            return db.changesCount > 0
        }
    }

    private static func token(from row: Row) -> TokenRecord? {
        guard let role = TokenRole(rawValue: row["role"]) else { return nil }
        return TokenRecord(
            id: row["id"], hash: row["hash"], tenant: (row["tenant"] as String?).map(TenantID.init), role: role,
            user: (row["user"] as String?).map(UserID.init), name: row["name"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            revokedAt: (row["revoked_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    // MARK: plugin state

    func value(instance: String, key: String) throws -> String? {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM plugin_state WHERE instance = ? AND key = ?", arguments: [instance, key])
        }
    }

    func set(instance: String, key: String, value: String?) throws {
        try database.pool.write { db in
            if let value {
                try db.execute(
                    sql: "INSERT INTO plugin_state (instance, key, value) VALUES (?, ?, ?) ON CONFLICT(instance, key) DO UPDATE SET value = excluded.value",
                    arguments: [instance, key, value])
            } else {
                try db.execute(sql: "DELETE FROM plugin_state WHERE instance = ? AND key = ?", arguments: [instance, key])
            }
        }
    }
}
