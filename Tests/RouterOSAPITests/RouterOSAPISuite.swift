// Tests for the `RouterOSAPI` module (Swift Testing). Files mirror Sources/RouterOSAPI.
