// Tests for the `RADIUSPcap` module (Swift Testing). Files mirror Sources/RADIUSPcap.
