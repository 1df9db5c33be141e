extension SQLiteSchema {
    /// Bearer tokens (stored as SHA-256 only) and the first responses of idempotent API requests.
    static let apiState = """
        CREATE TABLE api_tokens (
            token_hash TEXT PRIMARY KEY,
            account_id INTEGER NOT NULL,
            issued_at REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        CREATE INDEX api_tokens_account ON api_tokens(account_id);
        CREATE TABLE api_idempotency (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            status INTEGER NOT NULL,
            body BLOB NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (scope, key)
        );
        """
}
