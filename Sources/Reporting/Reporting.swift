/// Namespace marker for the `Reporting` module; see docs/architecture.md for what lives here.
public enum ReportingModule {}
