import Foundation
import GRDB
import HubCore

/// What routing keeps on disk: each tenant's plan and schedules, agent logins, call records and call logs.
struct RoutingRepository: Sendable {
    let database: HubDatabase

    /// One tenant's stored routing configuration.
    struct StoredPlan: Sendable {
        var plan: RoutingPlan
        var schedules: [String: Schedule]
    }

    /// Every tenant's plan and agent logins.
    func loadAll() throws -> (plans: [TenantID: StoredPlan], logins: [TenantID: [(UserID, QueueID)]]) {
        try database.pool.read { db in
            var plans: [TenantID: StoredPlan] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT tenant, plan, schedules FROM routing_plan") {
                let tenant = TenantID(row["tenant"] as String)
                plans[tenant] = StoredPlan(
                    plan: try StoreCoding.decode(RoutingPlan.self, row["plan"]),
                    schedules: try StoreCoding.decode([String: Schedule].self, row["schedules"]))
            }
            var logins: [TenantID: [(UserID, QueueID)]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT tenant, user, queue FROM agent_login ORDER BY tenant, user, queue") {
                logins[TenantID(row["tenant"] as String), default: []].append((UserID(row["user"] as String), QueueID(row["queue"] as String)))
            }
            return (plans, logins)
        }
    }

    /// Stores a tenant's plan and schedules.
    func save(tenant: TenantID, _ stored: StoredPlan) throws {
        let plan = try StoreCoding.encode(stored.plan)
        let schedules = try StoreCoding.encode(stored.schedules)
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO routing_plan (tenant, plan, schedules) VALUES (?, ?, ?) ON CONFLICT(tenant) DO UPDATE SET plan = excluded.plan, schedules = excluded.schedules",
                           arguments: [tenant.rawValue, plan, schedules])
        }
    }

    /// Writes what one engine step produced, in one transaction: records, log lines, login changes.
    func commit(tenant: TenantID, records: [CallRecord], log: [CallLogEntry], logins: [(UserID, QueueID, Bool)]) throws {
        guard !records.isEmpty || !log.isEmpty || !logins.isEmpty else { return }
        let encodedRecords = try records.map { record -> (CallRecord, String) in (record, try StoreCoding.encode(record)) }
        let encodedLog = try log.map { entry -> (CallLogEntry, String) in (entry, try StoreCoding.encode(entry)) }
        try database.pool.write { db in
            for (record, body) in encodedRecords {
                var queue: String?
                if case let .queue(id) = record.target { queue = id.rawValue }
                try db.execute(sql: "INSERT OR REPLACE INTO call_record (tenant, call, ended_at, queue, body) VALUES (?, ?, ?, ?, ?)",
                               arguments: [tenant.rawValue, record.call.rawValue, record.endedAt.timeIntervalSince1970, queue, body])
            }
            for (entry, body) in encodedLog {
                try db.execute(sql: "INSERT INTO call_log (tenant, user, at, body) VALUES (?, ?, ?, ?)",
                               arguments: [tenant.rawValue, entry.user.rawValue, entry.at.timeIntervalSince1970, body])
            }
            for (user, queue, loggedIn) in logins {
                if loggedIn {
                    try db.execute(sql: "INSERT OR IGNORE INTO agent_login (tenant, user, queue) VALUES (?, ?, ?)",
                                   arguments: [tenant.rawValue, user.rawValue, queue.rawValue])
                } else {
                    try db.execute(sql: "DELETE FROM agent_login WHERE tenant = ? AND user = ? AND queue = ?",
                                   arguments: [tenant.rawValue, user.rawValue, queue.rawValue])
                }
            }
        }
    }

    /// A user's call log, newest first.
    func callLog(tenant: TenantID, user: UserID, limit: Int, before: Int64?) throws -> [(id: Int64, entry: CallLogEntry)] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, body FROM call_log WHERE tenant = ? AND user = ? AND id < ? ORDER BY id DESC LIMIT ?
                """, arguments: [tenant.rawValue, user.rawValue, before ?? Int64.max, limit]).map { row in
                (row["id"] as Int64, try StoreCoding.decode(CallLogEntry.self, row["body"]))
            }
        }
    }

    /// Finished queue calls of a tenant that ended at or after `since`, oldest first (to rebuild queue statistics).
    func queueRecords(tenant: TenantID, since: Date) throws -> [CallRecord] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM call_record WHERE tenant = ? AND queue IS NOT NULL AND ended_at >= ? ORDER BY ended_at",
                             arguments: [tenant.rawValue, since.timeIntervalSince1970])
                .map { try StoreCoding.decode(CallRecord.self, $0["body"]) }
        }
    }

    /// Finished calls of a tenant, newest first, optionally of one queue and after a time.
    func records(tenant: TenantID, queue: QueueID?, since: Date?, limit: Int) throws -> [CallRecord] {
        try database.pool.read { db in
            var sql = "SELECT body FROM call_record WHERE tenant = ? AND ended_at >= ?"
            var arguments: StatementArguments = [tenant.rawValue, since?.timeIntervalSince1970 ?? 0]
            if let queue {
                sql += " AND queue = ?"
                arguments += [queue.rawValue]
            }
            sql += " ORDER BY ended_at DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try StoreCoding.decode(CallRecord.self, $0["body"]) }
        }
    }
}
