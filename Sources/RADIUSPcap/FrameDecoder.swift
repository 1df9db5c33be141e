/// Turns one captured frame into a `CaptureRecord`: link layer, then IPv4 or IPv6, then
/// UDP (RFC 768) on the selected ports.
///
/// Pure and `Sendable`, shared by `PcapReader` and `LiveCapture`, and testable with
/// hand-built frames. It never traps: every length is checked before it is used.
public struct FrameDecoder: Sendable {
    /// Link type of the frames this decoder reads.
    public var linkType: LinkType
    /// A datagram is of interest when its source or destination port is in this set.
    public var ports: Set<UInt16>

    /// UDP header length in bytes (RFC 768).
    static let udpHeaderLength = 8

    /// Creates a decoder for one link type and port set.
    public init(linkType: LinkType, ports: Set<UInt16> = RADIUSPorts.standard) {
        self.linkType = linkType
        self.ports = ports
    }

    /// Decodes `frame`. Returns nil when the frame is not of interest (not IP, not UDP,
    /// another port, a non-first fragment), `.skipped` when it looked like IP but could
    /// not be read, and `.datagram` otherwise.
    public func decode(_ frame: RawFrame) -> CaptureRecord? {
        let reader = ByteReader(bytes: frame.bytes)
        let ipResult: IPDecodeResult
        let vlanIDs: [UInt16]
        switch LinkLayerDecoder.decode(reader, linkType: linkType) {
        case .notIP:
            return nil
        case let .problem(problem):
            return .skipped(FrameNote(frameNumber: frame.frameNumber, problem: problem))
        case let .network(.ipv4, offset, tags):
            ipResult = IPv4PacketDecoder.decode(reader, at: offset)
            vlanIDs = tags
        case let .network(.ipv6, offset, tags):
            ipResult = IPv6PacketDecoder.decode(reader, at: offset)
            vlanIDs = tags
        }
        switch ipResult {
        case .notUDP:
            return nil
        case let .problem(problem):
            return .skipped(FrameNote(frameNumber: frame.frameNumber, problem: problem))
        case let .udp(ip):
            return decodeUDP(reader, ip: ip, frame: frame, vlanIDs: vlanIDs)
        }
    }

    /// Reads the UDP header and payload. The payload ends at the UDP length, not at the
    /// end of the frame, so Ethernet padding is never included.
    private func decodeUDP(_ reader: ByteReader, ip: IPPacketSummary, frame: RawFrame, vlanIDs: [UInt16]) -> CaptureRecord? {
        let start = ip.udpOffset
        let availableEnd = min(ip.declaredEnd, reader.bytes.count)
        guard start + Self.udpHeaderLength <= availableEnd,
              let sourcePort = reader.uint16(at: start),
              let destinationPort = reader.uint16(at: start + 2),
              let lengthField = reader.uint16(at: start + 4)
        else {
            let problem: FrameProblem = start + Self.udpHeaderLength > ip.declaredEnd
                ? .malformedHeader(.udp, detail: "IP packet too short for a UDP header")
                : .truncatedHeader(.udp)
            return .skipped(FrameNote(frameNumber: frame.frameNumber, problem: problem))
        }
        guard ports.contains(sourcePort) || ports.contains(destinationPort) else { return nil }

        // UDP length 0 over IPv6 marks a jumbogram (RFC 2675 §4): use the IP length.
        let length = lengthField == 0 && ip.version == 6 ? ip.declaredEnd - start : Int(lengthField)
        guard length >= Self.udpHeaderLength else {
            return .skipped(FrameNote(
                frameNumber: frame.frameNumber,
                problem: .malformedHeader(.udp, detail: "length \(length) < 8")
            ))
        }
        let declaredEnd = start + length
        let payloadEnd = min(declaredEnd, availableEnd)
        var truncation: DatagramTruncation?
        if declaredEnd > availableEnd {
            if ip.isFirstFragment {
                truncation = .fragmented
            } else if declaredEnd <= ip.declaredEnd, frame.bytes.count < frame.originalLength {
                truncation = .snapshot(captured: frame.bytes.count, original: frame.originalLength)
            } else {
                truncation = .lengthExceedsPacket(declared: length, available: availableEnd - start)
            }
        }
        return .datagram(CapturedDatagram(
            frameNumber: frame.frameNumber,
            timestamp: frame.timestamp,
            ipVersion: ip.version,
            sourceAddress: ip.source,
            sourcePort: sourcePort,
            destinationAddress: ip.destination,
            destinationPort: destinationPort,
            payload: Array(reader.bytes[(start + Self.udpHeaderLength) ..< payloadEnd]),
            vlanIDs: vlanIDs,
            truncation: truncation
        ))
    }
}
