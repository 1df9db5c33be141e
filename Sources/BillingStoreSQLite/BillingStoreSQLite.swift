/// Namespace marker for the `BillingStoreSQLite` module; see docs/architecture.md for what lives here.
public enum BillingStoreSQLiteModule {}
