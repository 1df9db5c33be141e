/// How the connection pool retries connecting to a router that is down.
///
/// Delays grow exponentially from `initialDelay` up to `maximumDelay`. After `maxConnectAttempts`
/// failed attempts in a row, commands fail at once until the last delay has passed, so a dead router
/// does not make every caller wait through the whole series again.
public struct RouterOSBackoff: Hashable, Sendable {
    /// Delay after the first failed attempt.
    public var initialDelay: Duration
    /// Upper bound of any delay.
    public var maximumDelay: Duration
    /// Connect attempts per command before giving up (at least 1).
    public var maxConnectAttempts: Int

    /// Creates a backoff policy.
    public init(
        initialDelay: Duration = .milliseconds(200),
        maximumDelay: Duration = .seconds(10),
        maxConnectAttempts: Int = 3
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maxConnectAttempts = max(1, maxConnectAttempts)
    }

    /// The delay after `failures` consecutive failures (1 → `initialDelay`, doubling, capped).
    public func delay(afterFailures failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        var delay = initialDelay
        for _ in 1..<min(failures, 32) {
            delay *= 2
            if delay >= maximumDelay { return maximumDelay }
        }
        return min(delay, maximumDelay)
    }
}
