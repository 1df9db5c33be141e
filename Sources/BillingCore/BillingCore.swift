/// Namespace marker for the `BillingCore` module; see docs/architecture.md for what lives here.
public enum BillingCoreModule {}
