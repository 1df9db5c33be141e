// Tests for the `RADIUSCore` module (Swift Testing). Files mirror Sources/RADIUSCore.
