import Foundation
import Synchronization

/// A `BillingClock` that only moves when told: deterministic tests of expiry, quotas and DST.
public final class ManualClock: BillingClock {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock to an instant.
    public func set(_ date: Date) { current.withLock { $0 = date } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
