/// Namespace marker for the `RADIUSPcap` module; see docs/architecture.md for what lives here.
public enum RADIUSPcapModule {}
