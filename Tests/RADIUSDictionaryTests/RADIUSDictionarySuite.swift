// Tests for the `RADIUSDictionary` module (Swift Testing). Files mirror Sources/RADIUSDictionary.
