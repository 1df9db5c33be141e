import AdminHTTP
import BillingCore
import Logging
import Metrics

/// `POST /customers/{id}/disconnect`: cuts every open session of a subscriber now, with the same
/// path as an enforcement event (Disconnect-Request, RouterOS API fallback), and records the
/// attempts so they show on the customer.
enum AdminDisconnect {
    static func disconnect(
        _ subscriberID: SubscriberID, engine: BillingEngine, sender: any DynamicAuthorizationSender,
        remover: any LiveSessionRemover, logger: Logger
    ) async throws -> DisconnectReport {
        let sessions = engine.openSessions(of: subscriberID)
        guard let first = sessions.first else { return DisconnectReport(requested: 0, acknowledged: 0) }
        let event = EnforcementEvent(
            id: EventID(0), createdAt: engine.now, subscriberID: subscriberID, ispID: first.ispID,
            username: first.username, trigger: .manualDisconnect, action: .disconnect, outcome: nil, completedAt: nil)
        let metrics = EnforcementMetrics(factory: MetricsSystem.factory)
        let executor = EnforcementExecutor(engine: engine, sender: sender, remover: remover, metrics: metrics, logger: logger)
        let result = await executor.carryOut(event)
        try? engine.recordEnforcementAttempts(result.attempts)
        for attempt in result.attempts { metrics.countAttempt(attempt) }
        let done = result.attempts.filter { $0.result == .ack || $0.result == .removed }
        let failures = result.attempts.filter { $0.result != .ack && $0.result != .removed }.map { "\($0.method.rawValue): \($0.result.rawValue)" }
        return DisconnectReport(requested: sessions.count, acknowledged: min(done.count, sessions.count), failures: failures)
    }
}
