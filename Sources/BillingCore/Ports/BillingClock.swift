import Foundation

/// The source of "now" for the engine. Domain code never calls `Date()`; the runtime passes the
/// system clock and tests pass a fixed or stepping clock.
public protocol BillingClock: Sendable {
    func now() -> Date
}

/// The wall clock of the machine, for the runtime.
public struct SystemBillingClock: BillingClock {
    public init() {}
    public func now() -> Date { Date() }
}
