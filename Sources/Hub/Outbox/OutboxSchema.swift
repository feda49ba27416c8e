import GRDB

/// The outbox tables (migration `v2-outbox`): messages, monthly usage, sender rules and notification preferences.
enum OutboxSchema {
    /// Creates the tables; called once by the migrator.
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE message (
                id TEXT PRIMARY KEY NOT NULL,
                tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                channel TEXT NOT NULL,
                status TEXT NOT NULL,
                content TEXT NOT NULL,
                sender_user TEXT,
                idempotency_key TEXT,
                request_hash TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at REAL,
                gateway TEXT,
                reference TEXT,
                parts INTEGER NOT NULL DEFAULT 0,
                reason TEXT,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL,
                sent_at REAL
            );
            CREATE UNIQUE INDEX message_idempotency ON message(tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;
            CREATE INDEX message_open ON message(status) WHERE status IN ('queued', 'sending');
            CREATE INDEX message_reference ON message(tenant, reference) WHERE reference IS NOT NULL;
            CREATE INDEX message_tenant ON message(tenant, status);
            CREATE TABLE message_usage (
                tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                month TEXT NOT NULL,
                channel TEXT NOT NULL,
                accepted INTEGER NOT NULL DEFAULT 0,
                sent INTEGER NOT NULL DEFAULT 0,
                failed INTEGER NOT NULL DEFAULT 0,
                parts INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (tenant, month, channel)
            );
            CREATE TABLE message_sender_rules (
                tenant TEXT PRIMARY KEY NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                body TEXT NOT NULL
            );
            CREATE TABLE notification_preferences (
                tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                user TEXT NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (tenant, user)
            );
            """)
    }
}
