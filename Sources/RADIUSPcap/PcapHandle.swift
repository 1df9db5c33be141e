import CPcap

/// Owns one libpcap `pcap_t` and closes it exactly once, when the last reference goes.
///
/// `@unchecked Sendable` because `LiveCapture` reads on its own thread while another
/// thread may call `breakLoop()`; libpcap documents `pcap_breakloop` as safe for that.
/// Every other call is made by one thread at a time (the reader or the capture thread).
final class PcapHandle: @unchecked Sendable {
    /// The libpcap handle.
    let pointer: OpaquePointer

    /// One step of reading.
    enum NextResult {
        /// A frame was read.
        case frame(RawFrame)
        /// A live capture's read timeout expired with no frame.
        case timeout
        /// End of file, or `breakLoop()` was called.
        case end
        /// libpcap reported an error; the message says why.
        case failure(String)
    }

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        pcap_close(pointer)
    }

    /// libpcap's message for the last error on this handle.
    var lastError: String {
        guard let message = pcap_geterr(pointer) else { return "unknown libpcap error" }
        return String(cString: message)
    }

    /// The DLT value of the capture.
    var datalink: Int32 { pcap_datalink(pointer) }

    /// Reads the next frame with `pcap_next_ex`, numbering it `frameNumber`.
    func next(frameNumber: Int) -> NextResult {
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        let status = pcap_next_ex(pointer, &header, &data)
        switch status {
        case 1:
            guard let header, let data else { return .failure("libpcap returned a frame without data") }
            let captured = Int(header.pointee.caplen)
            let bytes = Array(UnsafeBufferPointer(start: data, count: captured))
            return .frame(RawFrame(
                frameNumber: frameNumber,
                timestamp: timestamp(of: header.pointee),
                bytes: bytes,
                originalLength: Int(header.pointee.len)
            ))
        case 0:
            return .timeout
        case PCAP_ERROR_BREAK:
            return .end
        default:
            return .failure(lastError)
        }
    }

    /// Asks a blocked or future `next` to return `.end`; callable from any thread.
    func breakLoop() {
        pcap_breakloop(pointer)
    }

    /// Converts libpcap's timeval, whose second field holds micro- or nanoseconds
    /// depending on the precision the handle was opened with.
    private func timestamp(of header: pcap_pkthdr) -> CaptureTimestamp {
        let fraction = max(0, Int64(header.ts.tv_usec))
        let isNano = pcap_get_tstamp_precision(pointer) == Int32(PCAP_TSTAMP_PRECISION_NANO)
        let nanoseconds = isNano ? fraction : fraction * 1000
        return CaptureTimestamp(
            seconds: Int64(header.ts.tv_sec),
            nanoseconds: UInt32(clamping: nanoseconds)
        )
    }

    /// Runs `body` with a zeroed libpcap error buffer and returns its result and the
    /// message libpcap left there (empty when none).
    static func withErrorBuffer<T>(_ body: (UnsafeMutablePointer<CChar>) -> T) -> (T, String) {
        let capacity = Int(PCAP_ERRBUF_SIZE)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        defer { buffer.deallocate() }
        let result = body(buffer)
        buffer[capacity - 1] = 0
        return (result, String(cString: buffer))
    }
}
