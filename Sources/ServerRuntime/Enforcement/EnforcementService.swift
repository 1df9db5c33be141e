import BillingCore
import Foundation
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
///
/// A try that ends `failed` or `nak` leaves the event pending and schedules another try after the
/// ``EnforcementRetryPolicy`` delay (measured on the engine's clock); later events of the same
/// subscriber wait for it, so the order holds. Try numbers are stamped on the attempts, and a
/// restart continues counting from the attempt log (it tries at once, then backs off again).
public final class EnforcementService: Service, Sendable {
    /// An event waiting for its next try.
    private struct Retry {
        var triesSoFar: Int
        var notBefore: Date
    }

    private let engine: BillingEngine
    private let executor: EnforcementExecutor
    private let signal: WakeupSignal
    private let concurrency: Int
    private let rescanInterval: Duration
    private let retryPolicy: EnforcementRetryPolicy
    private let logger: Logger
    private let metrics: EnforcementMetrics
    private let inFlight = Mutex<[EventID: SubscriberID]>([:])
    private let retries = Mutex<[EventID: Retry]>([:])

    /// Creates the service; `signal` is what the engine's event sink pokes.
    public init(
        engine: BillingEngine, sender: any DynamicAuthorizationSender, remover: any LiveSessionRemover,
        signal: WakeupSignal, concurrency: Int = 16, rescanInterval: Duration = .seconds(30),
        retryPolicy: EnforcementRetryPolicy = EnforcementRetryPolicy(), logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        let metrics = EnforcementMetrics(factory: metricsFactory ?? MetricsSystem.factory)
        self.engine = engine
        self.executor = EnforcementExecutor(
            engine: engine, sender: sender, remover: remover, metrics: metrics, logger: logger)
        self.signal = signal
        self.concurrency = max(1, concurrency)
        self.rescanInterval = rescanInterval
        self.retryPolicy = retryPolicy
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
                    await self.signal.wait(upTo: self.nextWait())
                }
            }
        }
    }

    /// Carries out the pending events that may start now (used by `run`; tests call it directly).
    /// Returns once those events have been tried (completed, or scheduled for another try).
    public func drainOnce() async {
        await withDiscardingTaskGroup { group in
            for event in claimPending() {
                group.addTask { await self.handle(event) }
            }
        }
    }

    /// The rescan interval, or less when a retry falls due sooner.
    private func nextWait() -> Duration {
        let now = engine.now
        guard let due = retries.withLock({ $0.values.map(\.notBefore).min() }) else { return rescanInterval }
        let seconds = max(0, due.timeIntervalSince(now))
        guard seconds < Double(rescanInterval.components.seconds) else { return rescanInterval }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// Pending events that are not running and not waiting for a retry, whose subscriber has
    /// nothing running or waiting, up to the limit.
    ///
    /// The outbox is read while `inFlight` is locked: a handler records its outcome (or schedules
    /// its retry) before it leaves `inFlight`, so an event read here is either still in flight or
    /// still due; a read outside the lock could see an event that was completed a moment later and
    /// run it twice.
    private func claimPending() -> [EnforcementEvent] {
        let now = engine.now
        return inFlight.withLock { inFlight in
            let pending: [EnforcementEvent]
            do {
                pending = try engine.pendingEnforcementEvents(limit: 500)
            } catch {
                logger.error("cannot read the enforcement outbox", metadata: ["error": "\(error)"])
                return []
            }
            let waiting = retries.withLock { retries in
                // Forget retries of events that were completed elsewhere (or are gone).
                let ids = Set(pending.map(\.id))
                retries = retries.filter { ids.contains($0.key) }
                return retries.filter { $0.value.notBefore > now }
            }
            var busy = Set(inFlight.values)
            var claimed: [EnforcementEvent] = []
            for event in pending where inFlight.count < concurrency {
                guard inFlight[event.id] == nil, waiting[event.id] == nil, !busy.contains(event.subscriberID) else {
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

    /// Tries made so far for `event`: known in memory, or (first time in this process) the highest
    /// try number in the attempt log, so a restart does not reset the bound.
    private func triesSoFar(_ event: EnforcementEvent) -> Int {
        if let known = retries.withLock({ $0[event.id]?.triesSoFar }) { return known }
        let logged = (try? engine.enforcementAttempts(of: event.subscriberID, limit: 500)) ?? []
        return logged.filter { $0.eventID == event.id }.compactMap(\.tryNumber).max() ?? 0
    }

    private func handle(_ event: EnforcementEvent) async {
        defer {
            inFlight.withLock { _ = $0.removeValue(forKey: event.id) }
            signal.signal()
        }
        let tryNumber = triesSoFar(event) + 1
        let result = await executor.carryOut(event, tryNumber: tryNumber)
        guard !Task.isCancelled else { return }
        let retry = retryPolicy.shouldRetry(result.outcome, afterTry: tryNumber)
        do {
            try engine.recordEnforcementAttempts(result.attempts)
            if !retry { try engine.completeEnforcement(event.id, outcome: result.outcome) }
        } catch {
            logger.error("cannot record an enforcement outcome; will retry", metadata: [
                "event": "\(event.id)", "error": "\(error)",
            ])
            return
        }
        for attempt in result.attempts { metrics.countAttempt(attempt) }
        var metadata: Logger.Metadata = [
            "event": "\(event.id)", "subscriber": "\(event.subscriberID)", "trigger": "\(event.trigger.rawValue)",
            "action": "\(event.action.rawValue)", "outcome": "\(result.outcome.rawValue)", "try": "\(tryNumber)",
        ]
        if retry {
            let delay = retryPolicy.delay(afterTry: tryNumber)
            retries.withLock {
                $0[event.id] = Retry(triesSoFar: tryNumber, notBefore: engine.now.addingTimeInterval(delay))
            }
            metrics.countRetry(event.action)
            metadata["retry_in_seconds"] = "\(delay)"
            logger.warning("enforcement event not carried out; will try again", metadata: metadata)
            return
        }
        retries.withLock { _ = $0.removeValue(forKey: event.id) }
        metrics.countEvent(event.action, result.outcome)
        logger.info("enforcement event carried out", metadata: metadata)
    }
}
