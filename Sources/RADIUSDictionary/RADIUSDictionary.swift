/// Namespace marker for the `RADIUSDictionary` module; see docs/architecture.md for what lives here.
public enum RADIUSDictionaryModule {}
