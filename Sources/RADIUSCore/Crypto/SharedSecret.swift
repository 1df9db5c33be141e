/// A RADIUS shared secret (RFC 2865 §3). Wrapped so it never lands in a log by accident:
/// its description is redacted.
public struct SharedSecret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret octets.
    public let bytes: [UInt8]

    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public var description: String { "<secret redacted>" }
    public var debugDescription: String { description }
}
