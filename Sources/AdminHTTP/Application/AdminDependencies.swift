import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import Reporting

/// What `/healthz` reports: each check's name and whether it passed.
public struct HealthReport: Sendable, Hashable, Codable {
    /// E.g. `["database": true, "radius_auth": true, "radius_acct": true]`.
    public var checks: [String: Bool]
    public var isHealthy: Bool { !checks.isEmpty && checks.values.allSatisfy { $0 } }

    public init(checks: [String: Bool]) {
        self.checks = checks
    }
}

/// The outcome of asking the NAS-control part to disconnect a subscriber's live sessions.
public struct DisconnectReport: Sendable, Hashable, Codable {
    /// Sessions a Disconnect-Request (or the RouterOS API) was sent for.
    public var requested: Int
    /// Sessions the NAS confirmed closed.
    public var acknowledged: Int
    /// Why a session could not be closed (bounded vocabulary: `nak`, `timeout`, `no_route`…).
    public var failures: [String]

    public init(requested: Int, acknowledged: Int, failures: [String] = []) {
        self.requested = requested
        self.acknowledged = acknowledged
        self.failures = failures
    }
}

/// Everything the admin API needs from the rest of the program. `ServerRuntime` builds it with
/// the real adapters; tests pass in-memory ones. Closures keep AdminHTTP free of the RADIUS,
/// NAS-control and metrics-backend modules.
public struct AdminDependencies: Sendable {
    /// The billing engine: every read and write, and the central access policy.
    public var engine: BillingEngine
    /// Issued bearer tokens (hashed).
    public var tokens: any AuthTokenStore
    /// First responses of money-moving requests, by `Idempotency-Key`.
    public var idempotency: any IdempotencyStore
    /// Time for token expiry and login rate limits (the engine's clock in production).
    public var clock: any BillingClock
    public var logger: Logger
    /// Prometheus text exposition of every registered metric, for `GET /metrics`.
    public var renderMetrics: @Sendable () -> String
    /// Database reachable, RADIUS listeners bound, for `GET /healthz`.
    public var health: @Sendable () async -> HealthReport
    /// What RADIUS would answer for a subscriber now, and why (`GET /customers/{id}/decision`).
    /// Defaults to the engine's own standing decision (`DecisionExplainer.engine`).
    public var explainDecision: @Sendable (SubscriberID) -> DecisionExplanation?
    /// Sends Disconnect-Requests for a subscriber's open sessions (`POST /customers/{id}/disconnect`).
    public var disconnect: @Sendable (SubscriberID) async throws -> DisconnectReport
    /// The report-query port behind `GET /api/v1/reports/{name}` (the server passes the SQLite
    /// source sharing the store's pool); nil answers those routes with 503.
    public var reports: (any ReportSource)?

    public init(
        engine: BillingEngine, tokens: any AuthTokenStore, idempotency: any IdempotencyStore,
        clock: any BillingClock, logger: Logger, renderMetrics: @escaping @Sendable () -> String,
        health: @escaping @Sendable () async -> HealthReport,
        explainDecision: (@Sendable (SubscriberID) -> DecisionExplanation?)? = nil,
        disconnect: @escaping @Sendable (SubscriberID) async throws -> DisconnectReport,
        reports: (any ReportSource)? = nil
    ) {
        self.engine = engine
        self.tokens = tokens
        self.idempotency = idempotency
        self.clock = clock
        self.logger = logger
        self.renderMetrics = renderMetrics
        self.health = health
        self.explainDecision = explainDecision ?? { [engine] id in DecisionExplanation.explain(id, engine: engine) }
        self.disconnect = disconnect
        self.reports = reports
    }
}
