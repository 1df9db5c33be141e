import BillingCore
import Foundation

/// When an enforcement event that did not reach the router is tried again. A try ends `failed`
/// (the NAS stayed silent and the RouterOS API fallback was unavailable or failed) or `nak` (the
/// NAS refused and the fallback did not remove the session); such an event stays in the outbox and
/// is tried again after a growing delay, until a try succeeds or `maximumTries` is reached. Every
/// try is recorded in the attempt log with its number.
///
/// The defaults (8 tries, 5 s doubling to at most 5 min) keep trying for about 10 minutes, so a
/// router that reboots or loses its uplink for a few minutes still gets the disconnect when it is
/// back. The RADIUS decision never depends on this: a reconnecting subscriber is judged anew.
public struct EnforcementRetryPolicy: Sendable, Hashable {
    /// Tries in all, the first included (1 means never retry).
    public var maximumTries: Int
    /// Wait after the first failed try.
    public var initialDelay: TimeInterval
    /// The wait doubles after each failed try up to this.
    public var maximumDelay: TimeInterval

    /// Creates a policy; `maximumTries` below 1 counts as 1.
    public init(maximumTries: Int = 8, initialDelay: TimeInterval = 5, maximumDelay: TimeInterval = 300) {
        self.maximumTries = max(1, maximumTries)
        self.initialDelay = max(0, initialDelay)
        self.maximumDelay = max(self.initialDelay, maximumDelay)
    }

    /// Whether an event whose try `tryNumber` (from 1) ended with `outcome` is tried again.
    public func shouldRetry(_ outcome: EnforcementOutcome, afterTry tryNumber: Int) -> Bool {
        guard tryNumber < maximumTries else { return false }
        switch outcome {
        case .failed, .nakReceived: return true
        case .acknowledged, .fallbackUsed, .noSession: return false
        }
    }

    /// The wait after try `tryNumber` (from 1) failed: `initialDelay` × 2^(tryNumber − 1), capped.
    public func delay(afterTry tryNumber: Int) -> TimeInterval {
        let doublings = min(max(tryNumber - 1, 0), 30)
        return min(initialDelay * Double(1 << doublings), maximumDelay)
    }
}
