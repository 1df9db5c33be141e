/// What the IP layer tells the UDP layer: addresses, where UDP starts and where the IP
/// packet ends.
struct IPPacketSummary: Equatable {
    /// 4 or 6.
    var version: Int
    /// Source address as text.
    var source: String
    /// Destination address as text.
    var destination: String
    /// Offset of the UDP header in the frame.
    var udpOffset: Int
    /// Offset just past the IP packet according to its length field (may lie beyond the
    /// captured bytes).
    var declaredEnd: Int
    /// True for the first fragment of a fragmented datagram (more fragments follow).
    var isFirstFragment: Bool
}

/// Outcome of reading an IP header.
enum IPDecodeResult: Equatable {
    /// The packet carries UDP.
    case udp(IPPacketSummary)
    /// Not UDP, or a non-first fragment: not of interest.
    case notUDP
    /// The header could not be read.
    case problem(FrameProblem)
}
