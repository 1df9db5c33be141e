/// Namespace marker for the `AAA` module; see docs/architecture.md for what lives here.
public enum AAAModule {}
