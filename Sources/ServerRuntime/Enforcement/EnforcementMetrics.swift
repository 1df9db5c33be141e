import BillingCore
import Metrics

/// Metrics of the enforcement service (the RFC 5176 requests themselves are counted by the CoA
/// client as `coa_requests_total{kind,result}`):
///
/// - `enforcement_events_total{action,outcome}`: outbox events finished, by what was asked
///   (`disconnect`, `coa`) and how it ended (`acknowledged`, `nak`, `fallback_used`, `no_session`,
///   `failed`); an event that is tried again is counted once, when it finishes;
/// - `enforcement_attempts_total{method,result}`: every attempt in the attempt log, by how it
///   reached the router (`disconnect`, `coa`, `api`) and what came back (`ack`, `nak`, `timeout`,
///   `removed`, `no_session`, `error`);
/// - `enforcement_retries_total{action}`: tries that failed and were scheduled again;
/// - `enforcement_fallback_total{result}`: RouterOS API fallbacks (`removed`, `no_session`, `error`).
struct EnforcementMetrics: Sendable {
    static let eventsLabel = "enforcement_events_total"
    static let attemptsLabel = "enforcement_attempts_total"
    static let retriesLabel = "enforcement_retries_total"
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

    func countAttempt(_ attempt: EnforcementAttempt) {
        Counter(
            label: Self.attemptsLabel,
            dimensions: [("method", attempt.method.rawValue), ("result", attempt.result.rawValue)], factory: factory
        ).increment()
    }

    func countRetry(_ action: EnforcementAction) {
        Counter(label: Self.retriesLabel, dimensions: [("action", action.rawValue)], factory: factory).increment()
    }

    func countFallback(_ result: String) {
        Counter(label: Self.fallbackLabel, dimensions: [("result", result)], factory: factory).increment()
    }
}
