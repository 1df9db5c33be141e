/// Namespace marker for the `RADIUSNIO` module; see docs/architecture.md for what lives here.
public enum RADIUSNIOModule {}
