// Tests for the `AAA` module (Swift Testing). Files mirror Sources/AAA.
