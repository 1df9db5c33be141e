/// Names one request inside a ``CoAClientStateMachine`` (not the RADIUS Identifier).
public struct CoARequestID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static func < (lhs: CoARequestID, rhs: CoARequestID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "coa#\(rawValue)" }
}
