// Tests for the `Reporting` module (Swift Testing). Files mirror Sources/Reporting.
