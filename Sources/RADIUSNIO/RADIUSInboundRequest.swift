import NIOCore

/// One request that passed the transport's checks, handed to the ``RADIUSRequestProcessor``.
///
/// The header is valid (RFC 2865 §3), the Code is accepted on this port, the source is a known
/// client, and the request is not a retransmission of one already answered or in flight
/// (RFC 5080 §2.2.2). Nothing else has been checked: authenticators, Message-Authenticator and
/// attributes are the codec's job.
public struct RADIUSInboundRequest<ClientContext: Sendable>: Sendable {
    /// The packet: exactly `header.length` bytes; padding after the Length field is cut off.
    ///
    /// A slice of the socket's receive buffer (32 datagrams of 4,096 bytes), which is reused for
    /// the next read once nothing refers to it. A processor that keeps the packet, or slices of
    /// it, past `process` (an accounting batch) takes ``ownedPacket()`` instead.
    public var packet: ByteBuffer
    /// The header fields, already read.
    public var header: RADIUSDatagramHeader
    /// Where the request came from; the reply goes back to this address and port.
    public var remoteAddress: SocketAddress
    /// Which service the request arrived on.
    public var listener: RADIUSListenerKind
    /// The client table prefix that matched the source address.
    public var clientPrefix: NetworkPrefix
    /// What the runtime attached to the matching client entry (secret, NAS, ISP…).
    public var client: ClientContext
    /// When the datagram was read, on the event loop's clock; lets a processor drop stale work.
    public var receivedAt: NIODeadline
    /// The event loop of the socket; a processor that answers inline runs on it.
    public var eventLoop: any EventLoop

    /// Creates a request (the listener does this; tests of processors may too).
    public init(
        packet: ByteBuffer,
        header: RADIUSDatagramHeader,
        remoteAddress: SocketAddress,
        listener: RADIUSListenerKind,
        clientPrefix: NetworkPrefix,
        client: ClientContext,
        receivedAt: NIODeadline,
        eventLoop: any EventLoop
    ) {
        self.packet = packet
        self.header = header
        self.remoteAddress = remoteAddress
        self.listener = listener
        self.clientPrefix = clientPrefix
        self.client = client
        self.receivedAt = receivedAt
        self.eventLoop = eventLoop
    }

    /// A compact copy of ``packet`` that does not hold on to the receive buffer.
    public func ownedPacket() -> ByteBuffer {
        var copy = ByteBufferAllocator().buffer(capacity: packet.readableBytes)
        copy.writeImmutableBuffer(packet)
        return copy
    }
}
