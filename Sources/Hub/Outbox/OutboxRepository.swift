import Foundation
import GRDB
import HubCore

/// What inserting a message found.
enum OutboxInsertResult: Sendable, Equatable {
    /// Stored as new.
    case inserted
    /// The tenant used the idempotency key before: the earlier message's id and whether the content matched.
    case existing(MessageID, sameContent: Bool)
}

/// The outbox's SQLite tables. Every write is one transaction, on disk when the call returns
/// (the database runs with `synchronous = FULL`).
struct OutboxRepository: Sendable {
    let database: HubDatabase

    /// Stores a new message and counts it as accepted, unless its idempotency key was used before.
    func insert(_ record: MessageRecord) throws -> OutboxInsertResult {
        try database.pool.write { db in
            if let key = record.idempotencyKey,
               let row = try Row.fetchOne(db, sql: "SELECT id, request_hash FROM message WHERE tenant = ? AND idempotency_key = ?",
                                          arguments: [record.tenant.rawValue, key]) {
                let hash: String? = row["request_hash"]
                return .existing(MessageID(row["id"] as String), sameContent: hash == record.requestHash)
            }
            try db.execute(
                sql: """
                    INSERT INTO message (id, tenant, channel, status, content, sender_user, idempotency_key, request_hash,
                        attempts, next_attempt_at, gateway, reference, parts, reason, created_at, updated_at, sent_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [record.id.rawValue, record.tenant.rawValue, record.channel.rawValue, record.status.rawValue,
                            try StoreCoding.encode(record.content), record.senderUser?.rawValue, record.idempotencyKey,
                            record.requestHash, record.attempts, record.nextAttemptAt?.timeIntervalSince1970, record.gateway,
                            record.reference, record.parts, record.reason, record.createdAt.timeIntervalSince1970,
                            record.updatedAt.timeIntervalSince1970, record.sentAt?.timeIntervalSince1970])
            try addUsage(tenant: record.tenant, month: UsageMonth.of(record.createdAt), channel: record.channel,
                         UsageDelta(accepted: 1), db)
            return .inserted
        }
    }

    /// Marks a queued message as taken by `gateway`; nil when it is no longer queued.
    func claim(_ id: MessageID, gateway: String, at now: Date) throws -> MessageRecord? {
        try database.pool.write { db in
            try db.execute(
                sql: "UPDATE message SET status = 'sending', gateway = ?, updated_at = ? WHERE id = ? AND status = 'queued'",
                arguments: [gateway, now.timeIntervalSince1970, id.rawValue])
            guard db.changesCount > 0 else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [id.rawValue]).map(Self.record)
        }
    }

    /// Writes the changing fields of `record` and applies `usage` to its month's counters, in one transaction.
    func update(_ record: MessageRecord, usage: UsageDelta, month: String) throws {
        try database.pool.write { db in
            try db.execute(
                sql: """
                    UPDATE message SET status = ?, attempts = ?, next_attempt_at = ?, gateway = ?, reference = ?, parts = ?,
                        reason = ?, updated_at = ?, sent_at = ? WHERE id = ?
                    """,
                arguments: [record.status.rawValue, record.attempts, record.nextAttemptAt?.timeIntervalSince1970, record.gateway,
                            record.reference, record.parts, record.reason, record.updatedAt.timeIntervalSince1970,
                            record.sentAt?.timeIntervalSince1970, record.id.rawValue])
            if !usage.isEmpty { try addUsage(tenant: record.tenant, month: month, channel: record.channel, usage, db) }
        }
    }

    /// Puts messages a gateway had taken when the hub stopped back in the queue; returns how many.
    func requeueInterrupted(at now: Date, reason: String) throws -> Int {
        try database.pool.write { db in
            try db.execute(
                sql: "UPDATE message SET status = 'queued', next_attempt_at = ?, reason = ?, updated_at = ? WHERE status = 'sending'",
                arguments: [now.timeIntervalSince1970, reason, now.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// Every queued message: id, tenant, channel and due time.
    func queued() throws -> [(id: MessageID, tenant: TenantID, channel: MessageChannel, due: Date)] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, tenant, channel, next_attempt_at, created_at FROM message WHERE status = 'queued' ORDER BY rowid")
                .compactMap { row in
                    guard let channel = MessageChannel(rawValue: row["channel"]) else { return nil }
                    let due = (row["next_attempt_at"] as Double?) ?? (row["created_at"] as Double)
                    return (MessageID(row["id"] as String), TenantID(row["tenant"] as String), channel, Date(timeIntervalSince1970: due))
                }
        }
    }

    /// One message of a tenant.
    func record(tenant: TenantID, id: MessageID) throws -> MessageRecord? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM message WHERE tenant = ? AND id = ?", arguments: [tenant.rawValue, id.rawValue])
                .map(Self.record)
        }
    }

    /// The tenant's message a gateway knows by `reference`.
    func record(tenant: TenantID, reference: String) throws -> MessageRecord? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM message WHERE tenant = ? AND reference = ? ORDER BY rowid DESC LIMIT 1",
                             arguments: [tenant.rawValue, reference]).map(Self.record)
        }
    }

    /// A page of a tenant's messages, newest first, optionally with one status and one sender, before row `cursor`.
    func list(tenant: TenantID, status: MessageStatus?, senderUser: UserID?, before cursor: Int64?, limit: Int) throws -> [(rowID: Int64, record: MessageRecord)] {
        try database.pool.read { db in
            var sql = "SELECT rowid AS row_id, * FROM message WHERE tenant = ?"
            var arguments: StatementArguments = [tenant.rawValue]
            if let status {
                sql += " AND status = ?"
                arguments += [status.rawValue]
            }
            if let senderUser {
                sql += " AND sender_user = ?"
                arguments += [senderUser.rawValue]
            }
            if let cursor {
                sql += " AND rowid < ?"
                arguments += [cursor]
            }
            sql += " ORDER BY rowid DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in (row["row_id"] as Int64, try Self.record(row)) }
        }
    }

    /// The tenant's usage counters, one month or all, oldest first.
    func usage(tenant: TenantID, month: String?) throws -> [MessageUsage] {
        try database.pool.read { db in
            var sql = "SELECT * FROM message_usage WHERE tenant = ?"
            var arguments: StatementArguments = [tenant.rawValue]
            if let month {
                sql += " AND month = ?"
                arguments += [month]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY month, channel", arguments: arguments).compactMap { row in
                guard let channel = MessageChannel(rawValue: row["channel"]) else { return nil }
                return MessageUsage(month: row["month"], channel: channel, accepted: row["accepted"], sent: row["sent"],
                                    failed: row["failed"], parts: row["parts"])
            }
        }
    }

    private func addUsage(tenant: TenantID, month: String, channel: MessageChannel, _ delta: UsageDelta, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO message_usage (tenant, month, channel, accepted, sent, failed, parts) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(tenant, month, channel) DO UPDATE SET accepted = accepted + excluded.accepted,
                    sent = sent + excluded.sent, failed = failed + excluded.failed, parts = parts + excluded.parts
                """,
            arguments: [tenant.rawValue, month, channel.rawValue, delta.accepted, delta.sent, delta.failed, delta.parts])
    }

    static func record(_ row: Row) throws -> MessageRecord {
        func date(_ column: String) -> Date? { (row[column] as Double?).map(Date.init(timeIntervalSince1970:)) }
        let status = MessageStatus(rawValue: row["status"]) ?? .failed
        return MessageRecord(
            id: MessageID(row["id"] as String), tenant: TenantID(row["tenant"] as String),
            content: try StoreCoding.decode(OutboundMessage.Content.self, row["content"]), status: status,
            senderUser: (row["sender_user"] as String?).map(UserID.init), idempotencyKey: row["idempotency_key"],
            requestHash: row["request_hash"], attempts: row["attempts"], nextAttemptAt: date("next_attempt_at"),
            gateway: row["gateway"], reference: row["reference"], parts: row["parts"], reason: row["reason"],
            createdAt: date("created_at") ?? Date(timeIntervalSince1970: 0), updatedAt: date("updated_at") ?? Date(timeIntervalSince1970: 0),
            sentAt: date("sent_at"))
    }
}
