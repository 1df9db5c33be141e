// Tests for the `AdminHTTP` module (Swift Testing). Files mirror Sources/AdminHTTP.
