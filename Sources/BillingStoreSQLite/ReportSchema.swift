/// Schema additions for the reports (appended to `SQLiteSchema.migrations` as `v2-reports`;
/// never edited once shipped):
/// - `sessions_report`: covering index for the period scans (online intervals, per-NAS totals)
///   so that a month of a million sessions is read from the index alone;
/// - `sessions_length`: finds the longest session quickly, which bounds how far before a
///   period a session that is still running into it can have started (v5 keeps that figure in
///   `session_time_bound` instead);
/// - `usage_days_report`: covering index for a range of days (v5 keys the table by day instead);
/// - `auth_outcomes`: Access-Request outcomes per NAS, local day, outcome and reason, added to
///   in batches by the RADIUS server (`SQLiteBillingStore.recordAuthOutcomes`).
enum ReportSchema {
    static let v2 = """
        CREATE INDEX sessions_report ON sessions(started_at, session_time, subscriber_id, isp_id, upload_bytes,
            download_bytes);
        CREATE INDEX sessions_length ON sessions(session_time);
        CREATE INDEX usage_days_report ON usage_days(day, subscriber_id, upload_bytes, download_bytes);
        CREATE TABLE auth_outcomes (
            nas_id INTEGER NOT NULL,
            day TEXT NOT NULL,
            accepted INTEGER NOT NULL,
            reason TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (nas_id, day, accepted, reason)
        ) WITHOUT ROWID;
        CREATE INDEX auth_outcomes_day ON auth_outcomes(day);
        """
}
