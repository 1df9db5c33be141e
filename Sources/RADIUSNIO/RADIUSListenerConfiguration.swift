import NIOCore

/// Settings of a ``RADIUSListener``: where to listen and how much work to take on.
///
/// Every value has a documented default; `ServerRuntime` fills it from the config file and flags.
public struct RADIUSListenerConfiguration: Sendable {
    /// Addresses to bind, as IP literals. Default `["0.0.0.0", "::"]`: every IPv4 and IPv6 address.
    ///
    /// IPv6 sockets are bound with `IPV6_V6ONLY`, so `0.0.0.0` and `::` can share a port. Bind
    /// explicit addresses on multi-homed hosts: replies leave from the address the socket is
    /// bound to, and a NAS drops replies from an address it did not send to.
    public var hosts: [String] = ["0.0.0.0", "::"]

    /// Authentication port (RFC 2865 §3); nil disables the service. Default 1812. 0 picks a free
    /// port, shared by every host of the service; ``RADIUSListener/start()`` reports it.
    public var authenticationPort: Int? = 1812

    /// Accounting port (RFC 2866 §3); nil disables the service. Default 1813. 0 picks a free port.
    public var accountingPort: Int? = 1813

    /// Sockets per host and service, spread over the event loops with `SO_REUSEPORT`. Default 1.
    ///
    /// The kernel picks the socket by source address and port, so every retransmission of a NAS
    /// reaches the same socket and its reply cache. More sockets help only with many NASes.
    public var socketsPerAddress: Int = 1

    /// Datagrams read per system call (`recvmmsg`). Default 32.
    public var vectorReadMessageCount: Int = 32

    /// How long a sent reply is kept for retransmissions (RFC 5080 §2.2.2). Default 30 s.
    /// Zero disables the reply cache (in-flight duplicates are still dropped).
    public var replyCacheTTL: TimeAmount = .seconds(30)

    /// Most replies cached per socket; past it the oldest are forgotten early. Default 16,384
    /// (about 8 MB per socket, at roughly 500 bytes a reply as measured through the resident size):
    /// several seconds of replies even at 5,000 requests/s on one socket,
    /// while NASes retransmit after a few hundred milliseconds to a few seconds.
    public var replyCacheCapacity: Int = 16_384

    /// Most requests being processed per socket; past it new requests are dropped as `overload`
    /// and the NAS's retransmission is the backpressure. Default 4,096.
    public var maximumInFlight: Int = 4_096

    /// How long a request may stay in flight before it is given up (counted as
    /// `processing_timeout`); a later retransmission is then processed again. Default 30 s.
    public var maximumProcessingTime: TimeAmount = .seconds(30)

    /// How often the reply cache and the unknown-client log limiter are swept. Default 1 s.
    public var cacheSweepInterval: TimeAmount = .seconds(1)

    /// At most one "unknown client" log line per source address per this interval. Default 60 s.
    public var unknownClientLogInterval: TimeAmount = .seconds(60)

    /// How long a graceful shutdown waits for in-flight requests before closing. Default 10 s.
    public var shutdownGracePeriod: TimeAmount = .seconds(10)

    /// Creates the default configuration.
    public init() {}

    /// The port configured for `kind`, or nil when that service is disabled.
    public func port(for kind: RADIUSListenerKind) -> Int? {
        switch kind {
        case .authentication: authenticationPort
        case .accounting: accountingPort
        }
    }
}
