import GRDB

/// The versioned schema of the hub's SQLite database; append migrations, never edit shipped ones.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(sql: """
                CREATE TABLE tenant (
                    id TEXT PRIMARY KEY NOT NULL,
                    body TEXT NOT NULL,
                    catalogue TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE user_group (
                    tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (tenant, id)
                );
                CREATE TABLE user (
                    tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (tenant, id)
                );
                CREATE TABLE number (
                    e164 TEXT PRIMARY KEY NOT NULL,
                    tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                    owner TEXT NOT NULL
                );
                CREATE INDEX number_owner ON number(tenant, owner);
                CREATE TABLE add_on (
                    tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                    add_on TEXT NOT NULL,
                    user TEXT NOT NULL,
                    PRIMARY KEY (tenant, add_on, user)
                );
                CREATE TABLE contact (
                    tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (tenant, id)
                );
                CREATE TABLE presence (
                    tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                    user TEXT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (tenant, user)
                );
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    tenant TEXT,
                    at REAL NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL,
                    before TEXT,
                    after TEXT
                );
                CREATE INDEX audit_tenant ON audit(tenant, id);
                CREATE TABLE token (
                    id TEXT PRIMARY KEY NOT NULL,
                    hash TEXT NOT NULL UNIQUE,
                    tenant TEXT REFERENCES tenant(id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    user TEXT,
                    name TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    revoked_at REAL
                );
                CREATE TABLE plugin_state (
                    instance TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (instance, key)
                );
                """)
        }
        migrator.registerMigration("v2-outbox") { db in try OutboxSchema.create(db) }
        migrator.registerMigration("v3-routing") { db in try RoutingSchema.create(db) }
        return migrator
    }
}
