/// Namespace marker for the `ServerRuntime` module; see docs/architecture.md for what lives here.
public enum ServerRuntimeModule {}
