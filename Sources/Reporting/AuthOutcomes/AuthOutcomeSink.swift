/// Where tallied authentication outcomes are persisted: `SQLiteBillingStore` adds each count to
/// its per-NAS/day/outcome/reason counter in one transaction per batch.
public protocol AuthOutcomeSink: Sendable {
    func recordAuthOutcomes(_ counts: [AuthOutcomeCount]) throws
}
