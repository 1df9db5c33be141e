// Tests for the `BillingStoreSQLite` module (Swift Testing). Files mirror Sources/BillingStoreSQLite.
