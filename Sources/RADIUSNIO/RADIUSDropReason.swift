/// Why a datagram was dropped without a reply; the value of the `reason` label of `radius_dropped_total`.
///
/// The transport defines the reasons it detects itself. A processor adds its own (for example the
/// codec's decode reasons, or `not_committed` for accounting that could not be written) with
/// ``init(_:)``. Keep the set of values small and fixed: it is a metric label.
public struct RADIUSDropReason: Error, Hashable, Sendable, CustomStringConvertible {
    /// The label value, in `snake_case`.
    public let rawValue: String

    /// Creates a reason with a fixed `snake_case` name. Never build names from packet data.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The datagram is shorter than the 20-byte RADIUS header (RFC 2865 §3).
    public static let tooShort = RADIUSDropReason("too_short")
    /// The Length field is below 20, above 4096, or above the datagram size (RFC 2865 §3).
    public static let badLength = RADIUSDropReason("bad_length")
    /// The Code is not accepted on this port (for example an Access-Request on the accounting port).
    public static let badCode = RADIUSDropReason("bad_code")
    /// The source address matches no entry of the NAS client table (RFC 2865 §3: silently discard).
    public static let unknownClient = RADIUSDropReason("unknown_client")
    /// A retransmission of a request that is still being processed (RFC 5080 §2.2.2).
    public static let duplicateInFlight = RADIUSDropReason("duplicate_in_flight")
    /// The in-flight limit of the socket is reached; the NAS's retransmission is the backpressure.
    public static let overload = RADIUSDropReason("overload")
    /// The processor did not complete a request within the configured maximum processing time.
    public static let processingTimeout = RADIUSDropReason("processing_timeout")
    /// The listener stopped waiting for the request during a graceful shutdown.
    public static let shutdown = RADIUSDropReason("shutdown")
}
