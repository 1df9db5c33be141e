// Tests for the `ServerRuntime` module (Swift Testing). Files mirror Sources/ServerRuntime.
