// Tests for the `BillingCore` module (Swift Testing). Files mirror Sources/BillingCore.
