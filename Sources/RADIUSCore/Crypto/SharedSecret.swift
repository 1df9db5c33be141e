/// A RADIUS shared secret (RFC 2865 §3). Wrapped so it never lands in a log by accident:
/// its description is redacted.
///
/// It also carries the HMAC-MD5 key schedule (the MD5 states after the inner and outer pads,
/// RFC 2104 §2), computed once, so a Message-Authenticator costs two MD5 passes over the packet
/// and no allocation.
public struct SharedSecret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret octets.
    public let bytes: [UInt8]
    /// MD5 states primed with the key pads; not part of equality (it follows from `bytes`).
    let hmacKey: HMACMD5.Key

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.hmacKey = HMACMD5.Key(bytes)
    }

    public static func == (lhs: SharedSecret, rhs: SharedSecret) -> Bool { lhs.bytes == rhs.bytes }

    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    public var description: String { "<secret redacted>" }
    public var debugDescription: String { description }
}
