// Tests for the `RADIUSNIO` module (Swift Testing). Files mirror Sources/RADIUSNIO.
