import GRDB

/// The routing tables (migration `v3-routing`): plans and schedules, agent logins, call records and call logs.
enum RoutingSchema {
    /// Creates the tables; called once by the migrator.
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE routing_plan (
                tenant TEXT PRIMARY KEY NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                plan TEXT NOT NULL,
                schedules TEXT NOT NULL
            );
            CREATE TABLE agent_login (
                tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                user TEXT NOT NULL,
                queue TEXT NOT NULL,
                PRIMARY KEY (tenant, user, queue)
            );
            CREATE TABLE call_record (
                tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                call TEXT NOT NULL,
                ended_at REAL NOT NULL,
                queue TEXT,
                body TEXT NOT NULL,
                PRIMARY KEY (tenant, call)
            );
            CREATE INDEX call_record_time ON call_record(tenant, ended_at);
            CREATE TABLE call_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
                user TEXT NOT NULL,
                at REAL NOT NULL,
                body TEXT NOT NULL
            );
            CREATE INDEX call_log_user ON call_log(tenant, user, id);
            """)
    }
}
