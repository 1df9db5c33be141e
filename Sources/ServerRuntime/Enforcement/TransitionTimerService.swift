import BillingCore
import Foundation
import Logging
import ServiceLifecycle

/// Fires time-based subscriber transitions at their exact instant: one timer armed for the
/// engine's `nextTransitionInstant()` (a paid period ending, a quota period resetting), not a
/// periodic sweep. When it fires, `processDueTransitions()` changes the state and writes the
/// enforcement events (Disconnect, or CoA into a restricted profile), which the
/// ``EnforcementService`` then sends.
///
/// Renewals and other changes move the next instant: the commit observer signals, the timer wakes
/// and re-arms from `settledNextTransitionInstant()`. The armed wait never exceeds `maximumWait`
/// (15 minutes), so a wall-clock step (NTP, manual change) is corrected within that time.
public struct TransitionTimerService: Service {
    private let engine: BillingEngine
    private let wait: @Sendable (Duration) async -> Void
    private let maximumWait: Duration
    private let logger: Logger

    /// Creates the service; it sleeps on `signal` (woken by commits) between instants.
    public init(engine: BillingEngine, signal: WakeupSignal, maximumWait: Duration = .seconds(900), logger: Logger) {
        self.init(engine: engine, maximumWait: maximumWait, logger: logger) { await signal.wait(upTo: $0) }
    }

    /// Creates the service with a custom wait (tests: a wait they release by hand).
    public init(
        engine: BillingEngine, maximumWait: Duration = .seconds(900), logger: Logger,
        wait: @escaping @Sendable (Duration) async -> Void
    ) {
        self.engine = engine
        self.wait = wait
        self.maximumWait = maximumWait
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await step()
            }
        }
    }

    /// One round: process what is due, then wait until the next instant (or a change).
    func step() async {
        let now = engine.now
        let next = engine.settledNextTransitionInstant()
        if let next, next <= now {
            do {
                let events = try engine.processDueTransitions()
                logger.info("time-based transitions applied", metadata: ["events": "\(events.count)"])
            } catch {
                logger.error("cannot apply due transitions; retrying", metadata: ["error": "\(error)"])
                await wait(.seconds(5))
                return
            }
            if let again = engine.settledNextTransitionInstant(), again <= now {
                // Something stays due (should not happen): do not spin.
                await wait(.seconds(1))
            }
            return
        }
        await wait(Self.delay(until: next, now: now, maximum: maximumWait))
    }

    /// How long to wait for `next` seen at `now`, never more than `maximum`.
    static func delay(until next: Date?, now: Date, maximum: Duration) -> Duration {
        guard let next else { return maximum }
        let seconds = next.timeIntervalSince(now)
        guard seconds < Double(maximum.components.seconds) else { return maximum }
        let milliseconds = Int64((max(seconds, 0) * 1000).rounded(.up))
        return .milliseconds(milliseconds)
    }
}
