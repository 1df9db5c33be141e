/// Namespace marker for the `RouterOSAPI` module; see docs/architecture.md for what lives here.
public enum RouterOSAPIModule {}
