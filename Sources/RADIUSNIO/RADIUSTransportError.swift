/// The one error type of `RADIUSNIO`: configuration and lifecycle failures of the UDP transport.
///
/// Bad datagrams are never errors here: they are dropped and counted by ``RADIUSDropReason``.
/// Errors are for the operator: an unparsable client address, two entries for the same prefix,
/// a port that cannot be bound.
public struct RADIUSTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable machine-readable value.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name of the code, e.g. `invalid_address`.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// An IP address or prefix string could not be parsed.
        public static let invalidAddress = Code("invalid_address")
        /// A prefix length is out of range for its address family.
        public static let invalidPrefixLength = Code("invalid_prefix_length")
        /// Two client table entries have the same prefix.
        public static let duplicatePrefix = Code("duplicate_prefix")
        /// A listening socket could not be bound.
        public static let bindFailed = Code("bind_failed")
        /// The listener was asked to do something its lifecycle state does not allow.
        public static let invalidState = Code("invalid_state")

        public var description: String { rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// Human-readable detail for logs (never contains secrets).
    public var message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
