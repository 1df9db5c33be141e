/// One frame as libpcap hands it over: the captured bytes plus their context.
///
/// Exists so frame decoding is a pure function that tests can drive without libpcap.
public struct RawFrame: Sendable, Hashable {
    /// 1-based position in the capture.
    public var frameNumber: Int
    /// When the frame was captured.
    public var timestamp: CaptureTimestamp
    /// The captured bytes (`caplen` of them), starting with the link-layer header.
    public var bytes: [UInt8]
    /// The frame's length on the wire (`len`); larger than `bytes.count` when the
    /// snapshot length cut it.
    public var originalLength: Int

    /// Creates a frame; `originalLength` defaults to the captured length.
    public init(frameNumber: Int, timestamp: CaptureTimestamp, bytes: [UInt8], originalLength: Int? = nil) {
        self.frameNumber = frameNumber
        self.timestamp = timestamp
        self.bytes = bytes
        self.originalLength = originalLength ?? bytes.count
    }
}
