/// Why a captured UDP payload is shorter than the datagram that was on the wire.
///
/// A truncated payload is still reported (it may hold a readable RADIUS header), but a
/// RADIUS decoder must not expect the full packet and authenticators will not verify.
public enum DatagramTruncation: Sendable, Hashable, CustomStringConvertible {
    /// The capture kept only `captured` of the frame's `original` bytes (snapshot length).
    case snapshot(captured: Int, original: Int)
    /// The IP datagram was fragmented and this is its first fragment; later fragments are
    /// not reassembled (RFC 791 §2.3, RFC 8200 §4.5).
    case fragmented
    /// The UDP length field (RFC 768) claims more bytes than the IP packet carries.
    case lengthExceedsPacket(declared: Int, available: Int)

    public var description: String {
        switch self {
        case let .snapshot(captured, original):
            return "frame truncated by the capture: \(captured) of \(original) bytes kept"
        case .fragmented:
            return "first IP fragment only; later fragments are not reassembled"
        case let .lengthExceedsPacket(declared, available):
            return "UDP length \(declared) exceeds the \(available) bytes present"
        }
    }
}
