import NIOCore

/// A socket a ``RADIUSListener`` is listening on: which service, and the address actually bound
/// (with the real port when port 0 was asked for).
public struct RADIUSBoundSocket: Hashable, Sendable, CustomStringConvertible {
    /// The service of the socket.
    public var listener: RADIUSListenerKind
    /// The local address and port.
    public var address: SocketAddress

    /// Creates a description of a bound socket.
    public init(listener: RADIUSListenerKind, address: SocketAddress) {
        self.listener = listener
        self.address = address
    }

    public var description: String { "\(listener) \(address)" }
}
