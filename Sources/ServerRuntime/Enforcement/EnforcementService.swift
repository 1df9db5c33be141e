import BillingCore
import Logging
import Metrics
import RADIUSNIO
import ServiceLifecycle
import Synchronization

/// Drains the engine's enforcement outbox: every event without an outcome is carried out
/// (``EnforcementExecutor``) and completed with its outcome and attempt log. Because events come
/// from the outbox, a restart simply continues with whatever is still pending.
///
/// It wakes when the engine's event sink or a finished event signals, and rescans every
/// `rescanInterval` in case a signal was missed or a completion could not be stored. Events of one
/// subscriber run one after another, in outbox order; events of different subscribers run
/// concurrently, at most `concurrency` at a time (a dead NAS costs each event up to the CoA
/// timeout, 15 s by default). On shutdown no new event starts; one that was interrupted stays
/// pending for the next start.
public final class EnforcementService: Service, Sendable {
    private let engine: BillingEngine
    private let executor: EnforcementExecutor
    private let signal: WakeupSignal
    private let concurrency: Int
    private let rescanInterval: Duration
    private let logger: Logger
    private let metrics: EnforcementMetrics
    private let inFlight = Mutex<[EventID: SubscriberID]>([:])

    /// Creates the service; `signal` is what the engine's event sink pokes.
    public init(
        engine: BillingEngine, sender: any DynamicAuthorizationSender, remover: any LiveSessionRemover,
        signal: WakeupSignal, concurrency: Int = 16, rescanInterval: Duration = .seconds(30), logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        let metrics = EnforcementMetrics(factory: metricsFactory ?? MetricsSystem.factory)
        self.engine = engine
        self.executor = EnforcementExecutor(
            engine: engine, sender: sender, remover: remover, metrics: metrics, logger: logger)
        self.signal = signal
        self.concurrency = max(1, concurrency)
        self.rescanInterval = rescanInterval
        self.logger = logger
        self.metrics = metrics
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                while !Task.isCancelled {
                    for event in self.claimPending() {
                        group.addTask { await self.handle(event) }
                    }
                    await self.signal.wait(upTo: self.rescanInterval)
                }
            }
        }
    }

    /// Carries out the pending events that may start now (used by `run`; tests call it directly).
    /// Returns once those events are completed.
    public func drainOnce() async {
        await withDiscardingTaskGroup { group in
            for event in claimPending() {
                group.addTask { await self.handle(event) }
            }
        }
    }

    /// Pending events that are not running, whose subscriber has nothing running, up to the limit.
    private func claimPending() -> [EnforcementEvent] {
        let pending: [EnforcementEvent]
        do {
            pending = try engine.pendingEnforcementEvents(limit: 500)
        } catch {
            logger.error("cannot read the enforcement outbox", metadata: ["error": "\(error)"])
            return []
        }
        return inFlight.withLock { inFlight in
            var busy = Set(inFlight.values)
            var claimed: [EnforcementEvent] = []
            for event in pending where inFlight.count < concurrency {
                guard inFlight[event.id] == nil, !busy.contains(event.subscriberID) else {
                    busy.insert(event.subscriberID)  // keep outbox order per subscriber
                    continue
                }
                inFlight[event.id] = event.subscriberID
                busy.insert(event.subscriberID)
                claimed.append(event)
            }
            return claimed
        }
    }

    private func handle(_ event: EnforcementEvent) async {
        defer {
            inFlight.withLock { _ = $0.removeValue(forKey: event.id) }
            signal.signal()
        }
        let result = await executor.carryOut(event)
        guard !Task.isCancelled else { return }
        do {
            try engine.recordEnforcementAttempts(result.attempts)
            try engine.completeEnforcement(event.id, outcome: result.outcome)
        } catch {
            logger.error("cannot record an enforcement outcome; will retry", metadata: [
                "event": "\(event.id)", "error": "\(error)",
            ])
            return
        }
        metrics.countEvent(event.action, result.outcome)
        logger.info("enforcement event carried out", metadata: [
            "event": "\(event.id)", "subscriber": "\(event.subscriberID)", "trigger": "\(event.trigger.rawValue)",
            "action": "\(event.action.rawValue)", "outcome": "\(result.outcome.rawValue)",
        ])
    }
}
