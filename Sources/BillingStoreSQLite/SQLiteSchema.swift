/// The versioned schema of the SQLite store. Each migration is an SQL string that never changes
/// once shipped (GRDB migration guide); a new version appends a new entry. Foreign keys are
/// deferred so that one commit may insert rows that point at each other (a tenancy and its
/// Super Admin).
enum SQLiteSchema {
    static let migrations: [(identifier: String, sql: String)] = [
        ("v1-initial", v1), ("v2-reports", ReportSchema.v2), ("v3-api-state", apiState),
        ("v4-fewer-accounting-indexes", v4), ("v5-accounting-writes-in-place", v5),
    ]

    /// Drops two indexes that the report indexes of v2 made redundant: `sessions_report` starts
    /// with `started_at` and `usage_days_report` with `day`, so every query that used them uses
    /// those now. Each accounting write maintained both (a new session, a new usage day).
    static let v4 = """
        DROP INDEX sessions_started;
        DROP INDEX usage_days_day;
        """

    /// Lets an Interim-Update change its session and usage day in place, without moving index
    /// entries (an index over a counter is rewritten whenever the counter grows, at a place
    /// far from where it was, on every accounting record):
    /// - `sessions_length(session_time)` only told the reports how long the longest session
    ///   ran. `session_time_bound` keeps that figure instead, raised by each commit.
    /// - `usage_days` is keyed by day, then subscriber, so the table itself is what a range of
    ///   days reads (it replaces the covering `usage_days_report`), and one subscriber's days
    ///   are found through `usage_days_subscriber`, whose columns never change.
    static let v5 = """
        CREATE TABLE session_time_bound (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            longest INTEGER NOT NULL
        );
        INSERT INTO session_time_bound (id, longest) SELECT 1, COALESCE(MAX(session_time), 0) FROM sessions;
        DROP INDEX sessions_length;
        CREATE TABLE usage_days_by_day (
            day TEXT NOT NULL,
            subscriber_id INTEGER NOT NULL,
            upload_bytes INTEGER NOT NULL,
            download_bytes INTEGER NOT NULL,
            PRIMARY KEY (day, subscriber_id)
        ) WITHOUT ROWID;
        INSERT INTO usage_days_by_day (day, subscriber_id, upload_bytes, download_bytes)
            SELECT day, subscriber_id, upload_bytes, download_bytes FROM usage_days ORDER BY day, subscriber_id;
        DROP TABLE usage_days;
        ALTER TABLE usage_days_by_day RENAME TO usage_days;
        CREATE INDEX usage_days_subscriber ON usage_days(subscriber_id, day);
        """

    static let v1 = """
        CREATE TABLE tenancies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            super_admin_id INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            body TEXT NOT NULL
        );
        CREATE TABLE isps (
            id INTEGER PRIMARY KEY,
            tenancy_id INTEGER NOT NULL REFERENCES tenancies(id) DEFERRABLE INITIALLY DEFERRED,
            admin_id INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            name TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            role INTEGER NOT NULL,
            email TEXT NOT NULL,
            tenancy_id INTEGER REFERENCES tenancies(id) DEFERRABLE INITIALLY DEFERRED,
            isp_id INTEGER REFERENCES isps(id) DEFERRABLE INITIALLY DEFERRED,
            parent_id INTEGER REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            created_by INTEGER REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            body TEXT NOT NULL
        );
        CREATE UNIQUE INDEX accounts_email ON accounts(email COLLATE NOCASE);
        CREATE INDEX accounts_isp ON accounts(isp_id);
        CREATE TABLE role_label_settings (
            tenant_id INTEGER PRIMARY KEY REFERENCES tenancies(id) DEFERRABLE INITIALLY DEFERRED,
            body TEXT NOT NULL
        );
        CREATE TABLE nas (
            id INTEGER PRIMARY KEY,
            isp_id INTEGER NOT NULL REFERENCES isps(id) DEFERRABLE INITIALLY DEFERRED,
            name TEXT NOT NULL,
            address TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE olts (
            id INTEGER PRIMARY KEY,
            isp_id INTEGER NOT NULL REFERENCES isps(id) DEFERRABLE INITIALLY DEFERRED,
            body TEXT NOT NULL
        );
        CREATE TABLE ip_pools (
            id INTEGER PRIMARY KEY,
            isp_id INTEGER NOT NULL REFERENCES isps(id) DEFERRABLE INITIALLY DEFERRED,
            body TEXT NOT NULL
        );
        CREATE TABLE ppp_profiles (
            id INTEGER PRIMARY KEY,
            isp_id INTEGER NOT NULL REFERENCES isps(id) DEFERRABLE INITIALLY DEFERRED,
            body TEXT NOT NULL
        );
        CREATE TABLE gateways (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE packages (
            id INTEGER PRIMARY KEY,
            isp_id INTEGER NOT NULL REFERENCES isps(id) DEFERRABLE INITIALLY DEFERRED,
            name TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE price_entries (
            id INTEGER PRIMARY KEY,
            isp_id INTEGER NOT NULL REFERENCES isps(id) DEFERRABLE INITIALLY DEFERRED,
            package_id INTEGER NOT NULL REFERENCES packages(id) DEFERRABLE INITIALLY DEFERRED,
            effective_from REAL NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE subscription_plans (
            id INTEGER PRIMARY KEY,
            tenancy_id INTEGER REFERENCES tenancies(id) DEFERRABLE INITIALLY DEFERRED,
            body TEXT NOT NULL
        );
        CREATE TABLE subscribers (
            id INTEGER PRIMARY KEY,
            isp_id INTEGER NOT NULL REFERENCES isps(id) DEFERRABLE INITIALLY DEFERRED,
            username TEXT NOT NULL,
            sealed_credential BLOB NOT NULL,
            service_type TEXT NOT NULL,
            package_id INTEGER NOT NULL REFERENCES packages(id) DEFERRABLE INITIALLY DEFERRED,
            owner_id INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            status TEXT NOT NULL,
            expires_at REAL,
            anchor_day INTEGER,
            static_ipv4 TEXT,
            ipv6_prefix TEXT,
            mac_binding INTEGER,
            quota_used INTEGER NOT NULL DEFAULT 0,
            quota_period_start REAL,
            full_name TEXT,
            phone TEXT,
            created_by INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            deleted_at REAL
        );
        CREATE UNIQUE INDEX subscribers_username ON subscribers(isp_id, username) WHERE deleted_at IS NULL;
        CREATE INDEX subscribers_owner ON subscribers(owner_id);
        CREATE INDEX subscribers_expiry ON subscribers(expires_at);
        CREATE TABLE ledger_transactions (
            id INTEGER PRIMARY KEY,
            idempotency_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            currency TEXT NOT NULL,
            posted_at REAL NOT NULL,
            actor_id INTEGER REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            memo TEXT NOT NULL,
            reverses_id INTEGER REFERENCES ledger_transactions(id) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE INDEX ledger_transactions_posted ON ledger_transactions(posted_at);
        CREATE TABLE ledger_entries (
            transaction_id INTEGER NOT NULL REFERENCES ledger_transactions(id) DEFERRABLE INITIALLY DEFERRED,
            position INTEGER NOT NULL,
            account TEXT NOT NULL,
            amount INTEGER NOT NULL,
            PRIMARY KEY (transaction_id, position)
        );
        CREATE INDEX ledger_entries_account ON ledger_entries(account, transaction_id);
        CREATE TABLE ledger_balances (
            account TEXT PRIMARY KEY,
            balance INTEGER NOT NULL
        );
        CREATE TABLE sales (
            id INTEGER PRIMARY KEY,
            idempotency_key TEXT NOT NULL UNIQUE,
            subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) DEFERRABLE INITIALLY DEFERRED,
            seller_id INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            sold_at REAL NOT NULL,
            transaction_id INTEGER REFERENCES ledger_transactions(id) DEFERRABLE INITIALLY DEFERRED,
            body TEXT NOT NULL
        );
        CREATE INDEX sales_subscriber ON sales(subscriber_id, id);
        CREATE INDEX sales_sold_at ON sales(sold_at);
        CREATE TABLE commissions (
            sale_id INTEGER NOT NULL REFERENCES sales(id) DEFERRABLE INITIALLY DEFERRED,
            reseller_id INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            role INTEGER NOT NULL,
            cost INTEGER NOT NULL,
            price INTEGER NOT NULL,
            amount INTEGER NOT NULL,
            PRIMARY KEY (sale_id, reseller_id)
        );
        CREATE INDEX commissions_reseller ON commissions(reseller_id);
        CREATE TABLE invoices (
            id INTEGER PRIMARY KEY,
            issuer_id INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            payer_id INTEGER NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
            status TEXT NOT NULL,
            due_at REAL NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            actor_id INTEGER,
            action TEXT NOT NULL,
            entity_kind TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            tenancy_id INTEGER,
            isp_id INTEGER,
            before_json TEXT,
            after_json TEXT
        );
        CREATE INDEX audit_entity ON audit_log(entity_kind, entity_id);
        CREATE INDEX audit_at ON audit_log(at);
        CREATE TABLE enforcement_events (
            id INTEGER PRIMARY KEY,
            created_at REAL NOT NULL,
            subscriber_id INTEGER NOT NULL,
            isp_id INTEGER NOT NULL,
            username TEXT NOT NULL,
            trigger TEXT NOT NULL,
            action TEXT NOT NULL,
            outcome TEXT,
            completed_at REAL
        );
        CREATE INDEX enforcement_pending ON enforcement_events(id) WHERE outcome IS NULL;
        CREATE TABLE sessions (
            nas_id INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            unique_id TEXT NOT NULL,
            isp_id INTEGER NOT NULL,
            subscriber_id INTEGER,
            username TEXT NOT NULL,
            started_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            stopped_at REAL,
            upload_bytes INTEGER NOT NULL,
            download_bytes INTEGER NOT NULL,
            input_packets INTEGER NOT NULL,
            output_packets INTEGER NOT NULL,
            session_time INTEGER NOT NULL,
            framed_ip TEXT,
            framed_ipv6_prefix TEXT,
            calling_station_id TEXT,
            nas_port INTEGER,
            nas_port_id TEXT,
            terminate_cause INTEGER,
            close_reason TEXT,
            PRIMARY KEY (nas_id, session_id)
        ) WITHOUT ROWID;
        CREATE INDEX sessions_started ON sessions(started_at);
        CREATE INDEX sessions_subscriber ON sessions(subscriber_id, started_at);
        CREATE INDEX sessions_open ON sessions(nas_id) WHERE stopped_at IS NULL;
        CREATE TABLE usage_days (
            subscriber_id INTEGER NOT NULL,
            day TEXT NOT NULL,
            upload_bytes INTEGER NOT NULL,
            download_bytes INTEGER NOT NULL,
            PRIMARY KEY (subscriber_id, day)
        ) WITHOUT ROWID;
        CREATE INDEX usage_days_day ON usage_days(day);
        """
}
