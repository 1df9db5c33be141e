/// Namespace marker for the `AdminHTTP` module; see docs/architecture.md for what lives here.
public enum AdminHTTPModule {}
