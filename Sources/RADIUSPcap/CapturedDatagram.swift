/// One UDP datagram on a port of interest, taken from a capture file or a live interface.
///
/// This is the hand-off point to the RADIUS decoder: `payload` holds the UDP payload
/// (normally one RADIUS packet, RFC 2865 §3) and the rest says where and when it was seen.
public struct CapturedDatagram: Sendable, Hashable {
    /// 1-based position of the frame in the capture, counting every frame as tshark does.
    public var frameNumber: Int
    /// When the frame was captured.
    public var timestamp: CaptureTimestamp
    /// IP version of the packet that carried the datagram: 4 or 6.
    public var ipVersion: Int
    /// Source IP address as text (dotted quad, or RFC 5952 form for IPv6).
    public var sourceAddress: String
    /// Source UDP port.
    public var sourcePort: UInt16
    /// Destination IP address as text (dotted quad, or RFC 5952 form for IPv6).
    public var destinationAddress: String
    /// Destination UDP port.
    public var destinationPort: UInt16
    /// The UDP payload bytes that were captured (possibly fewer than sent, see `truncation`).
    public var payload: [UInt8]
    /// 802.1Q / 802.1ad VLAN identifiers, outermost first; empty when untagged.
    public var vlanIDs: [UInt16]
    /// Set when `payload` is shorter than the datagram on the wire.
    public var truncation: DatagramTruncation?

    /// Creates a datagram value; normally done by `FrameDecoder`.
    public init(
        frameNumber: Int,
        timestamp: CaptureTimestamp,
        ipVersion: Int,
        sourceAddress: String,
        sourcePort: UInt16,
        destinationAddress: String,
        destinationPort: UInt16,
        payload: [UInt8],
        vlanIDs: [UInt16] = [],
        truncation: DatagramTruncation? = nil
    ) {
        self.frameNumber = frameNumber
        self.timestamp = timestamp
        self.ipVersion = ipVersion
        self.sourceAddress = sourceAddress
        self.sourcePort = sourcePort
        self.destinationAddress = destinationAddress
        self.destinationPort = destinationPort
        self.payload = payload
        self.vlanIDs = vlanIDs
        self.truncation = truncation
    }

    /// True when the payload is incomplete; see `truncation` for the reason.
    public var isTruncated: Bool { truncation != nil }
}
