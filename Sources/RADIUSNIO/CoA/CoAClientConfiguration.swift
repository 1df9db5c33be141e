import NIOCore

/// Settings of a ``CoAClient``; every field has a documented default.
///
/// Retransmission follows RFC 5080 §2.2.1: the same datagram (same Identifier and authenticator)
/// is sent again after a timeout that doubles each time, up to `maximumTimeout`, until
/// `maximumTransmissions` sends went unanswered.
public struct CoAClientConfiguration: Hashable, Sendable {
    /// Wait for the first answer (default 1 s, as MikroTik's User Manager uses toward routers).
    public var initialTimeout: TimeAmount
    /// Longest wait between two sends (default 8 s).
    public var maximumTimeout: TimeAmount
    /// Sends of one request before it times out (default 4: 1 + 2 + 4 + 8 = 15 s in total).
    public var maximumTransmissions: Int
    /// Local address of the IPv4 socket (default `0.0.0.0`, any; tests use `127.0.0.1`).
    public var bindHostIPv4: String
    /// Local address of the IPv6 socket (default `::`).
    public var bindHostIPv6: String

    /// Creates a configuration.
    public init(
        initialTimeout: TimeAmount = .seconds(1), maximumTimeout: TimeAmount = .seconds(8),
        maximumTransmissions: Int = 4, bindHostIPv4: String = "0.0.0.0", bindHostIPv6: String = "::"
    ) {
        self.initialTimeout = initialTimeout
        self.maximumTimeout = max(maximumTimeout, initialTimeout)
        self.maximumTransmissions = max(1, maximumTransmissions)
        self.bindHostIPv4 = bindHostIPv4
        self.bindHostIPv6 = bindHostIPv6
    }

    /// The wait after the `transmission`-th send (1-based): initial × 2^(n−1), capped.
    public func timeout(afterTransmission transmission: Int) -> TimeAmount {
        var nanoseconds = initialTimeout.nanoseconds
        var step = 1
        while step < transmission, nanoseconds < maximumTimeout.nanoseconds {
            nanoseconds = nanoseconds > Int64.max / 2 ? Int64.max : nanoseconds * 2
            step += 1
        }
        return .nanoseconds(min(nanoseconds, maximumTimeout.nanoseconds))
    }
}
