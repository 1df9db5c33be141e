import BillingCore
import Metrics

/// Metrics of the enforcement service (the RFC 5176 requests themselves are counted by the CoA
/// client as `coa_requests_total{kind,result}`):
///
/// - `enforcement_events_total{action,outcome}`: outbox events carried out, by what was asked
///   (`disconnect`, `coa`) and how it ended (`acknowledged`, `nak`, `fallback_used`, `no_session`,
///   `failed`);
/// - `enforcement_fallback_total{result}`: RouterOS API fallbacks (`removed`, `no_session`, `error`).
struct EnforcementMetrics: Sendable {
    static let eventsLabel = "enforcement_events_total"
    static let fallbackLabel = "enforcement_fallback_total"

    private let factory: any MetricsFactory

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func countEvent(_ action: EnforcementAction, _ outcome: EnforcementOutcome) {
        Counter(
            label: Self.eventsLabel, dimensions: [("action", action.rawValue), ("outcome", outcome.rawValue)],
            factory: factory
        ).increment()
    }

    func countFallback(_ result: String) {
        Counter(label: Self.fallbackLabel, dimensions: [("result", result)], factory: factory).increment()
    }
}
