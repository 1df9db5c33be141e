/// Namespace marker for the `RADIUSCore` module; see docs/architecture.md for what lives here.
public enum RADIUSCoreModule {}
