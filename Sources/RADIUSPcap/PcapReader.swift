import CPcap

/// Reads a pcap or pcapng file through libpcap and yields the UDP datagrams on the
/// selected ports, in file order.
///
/// Typical use (the `uplink pcap` command):
/// ```swift
/// let reader = try PcapReader(path: "capture.pcapng")
/// while let record = try reader.next() { ... }
/// ```
/// A bad frame becomes a `.skipped` record and reading continues; a corrupt or cut-short
/// file throws `PcapError.readFailed` after the frames before the damage were returned.
/// Not `Sendable`: use one reader from one task or thread.
public final class PcapReader {
    /// The file being read.
    public let path: String
    /// The file's link-layer type.
    public let linkType: LinkType
    /// Decoder for the frames; its `ports` select the datagrams returned.
    public let decoder: FrameDecoder

    private let handle: PcapHandle
    private var framesRead = 0
    private var finished = false

    /// Opens `path` with nanosecond timestamps. Throws `.cannotOpen` when libpcap cannot
    /// read it as pcap or pcapng and `.unsupportedLinkType` for link types not decoded.
    public init(path: String, ports: Set<UInt16> = RADIUSPorts.standard) throws(PcapError) {
        let (opened, message) = PcapHandle.withErrorBuffer { errorBuffer in
            pcap_open_offline_with_tstamp_precision(path, UInt32(PCAP_TSTAMP_PRECISION_NANO), errorBuffer)
        }
        guard let opened else {
            throw .cannotOpen(path: path, reason: message.isEmpty ? "unknown libpcap error" : message)
        }
        let handle = PcapHandle(opened)
        guard let linkType = LinkType(dlt: handle.datalink) else {
            throw .unsupportedLinkType(handle.datalink)
        }
        self.path = path
        self.handle = handle
        self.linkType = linkType
        self.decoder = FrameDecoder(linkType: linkType, ports: ports)
    }

    /// Number of frames read so far, of any kind.
    public var frameCount: Int { framesRead }

    /// Returns the next datagram of interest or skip note, or nil at the end of the file.
    /// After a `.readFailed` error, further calls return nil.
    public func next() throws(PcapError) -> CaptureRecord? {
        while !finished {
            switch handle.next(frameNumber: framesRead + 1) {
            case let .frame(frame):
                framesRead += 1
                if let record = decoder.decode(frame) { return record }
            case .end:
                finished = true
            case .timeout:
                // Only live captures time out; treat it as "nothing yet" and read on.
                continue
            case let .failure(reason):
                finished = true
                throw .readFailed(source: path, frameNumber: framesRead + 1, reason: reason)
            }
        }
        return nil
    }
}
