/// Shared helpers for the test targets: hex conversion, conformance file locations.
public enum TestSupport {}
