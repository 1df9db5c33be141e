import CPcap
import Foundation
import Synchronization

/// Captures RADIUS datagrams live from a network interface (`uplink sniff -i IFACE`).
///
/// The interface is opened, activated and filtered in `init`, so permission and
/// device errors surface immediately and packets are buffered by the kernel from then
/// on. `records()` starts a dedicated thread that runs libpcap's blocking read loop (it
/// never runs on an event loop or in the cooperative pool) and delivers records through
/// an `AsyncThrowingStream`. `stop()`, or cancelling the consuming task, ends it.
///
/// ```swift
/// let capture = try LiveCapture(interface: "eth0")
/// for try await record in capture.records() { ... }
/// ```
public final class LiveCapture: Sendable {
    /// Records kept while the consumer is slower than the network; beyond this, new
    /// records are dropped and counted in `droppedRecordCount`.
    public static let bufferLimit = 4096

    /// The interface name given to libpcap.
    public let interface: String
    /// The interface's link-layer type.
    public let linkType: LinkType
    /// The BPF filter installed on the capture.
    public let filterExpression: String
    /// Decoder for the frames; its `ports` match `filterExpression`.
    public let decoder: FrameDecoder

    private let handle: PcapHandle
    private let started = Atomic<Bool>(false)
    private let stopRequested = Atomic<Bool>(false)
    private let dropped = Atomic<Int>(0)

    /// Opens `interface` for capture with nanosecond timestamps where supported.
    ///
    /// - Parameters:
    ///   - ports: UDP ports of interest; must not be empty.
    ///   - snapshotLength: bytes kept per frame; the default keeps whole RADIUS packets.
    ///   - promiscuous: also capture traffic not addressed to this host.
    ///   - readTimeoutMilliseconds: how long libpcap may wait to batch frames; also bounds
    ///     how long `stop()` takes on platforms where `pcap_breakloop` cannot wake a read.
    /// - Throws: `.cannotCapture` (no device, no permission), `.unsupportedLinkType`,
    ///   `.invalidFilter`.
    public init(
        interface: String,
        ports: Set<UInt16> = RADIUSPorts.standard,
        snapshotLength: Int32 = 65_535,
        promiscuous: Bool = false,
        readTimeoutMilliseconds: Int32 = 100
    ) throws(PcapError) {
        guard let expression = CaptureFilter.expression(ports: ports) else {
            throw .invalidFilter(expression: "", reason: "no UDP ports selected")
        }
        let (created, message) = PcapHandle.withErrorBuffer { pcap_create(interface, $0) }
        guard let created else { throw .cannotCapture(interface: interface, reason: message) }
        let handle = PcapHandle(created)
        pcap_set_snaplen(handle.pointer, snapshotLength)
        pcap_set_promisc(handle.pointer, promiscuous ? 1 : 0)
        pcap_set_timeout(handle.pointer, readTimeoutMilliseconds)
        pcap_set_immediate_mode(handle.pointer, 1)
        // Falls back to microseconds when the platform cannot do nanoseconds.
        pcap_set_tstamp_precision(handle.pointer, Int32(PCAP_TSTAMP_PRECISION_NANO))

        let status = pcap_activate(handle.pointer)
        if status < 0 {
            let detail = handle.lastError
            let summary = pcap_statustostr(status).map { String(cString: $0) } ?? "error \(status)"
            throw .cannotCapture(interface: interface, reason: detail.isEmpty ? summary : "\(summary): \(detail)")
        }
        guard let linkType = LinkType(dlt: handle.datalink) else {
            throw .unsupportedLinkType(handle.datalink)
        }
        try Self.install(filter: expression, on: handle)

        self.interface = interface
        self.handle = handle
        self.linkType = linkType
        self.filterExpression = expression
        self.decoder = FrameDecoder(linkType: linkType, ports: ports)
    }

    /// Records dropped because the consumer fell more than `bufferLimit` behind.
    public var droppedRecordCount: Int { dropped.load(ordering: .relaxed) }

    /// Starts capturing on a dedicated thread and returns the records as they arrive.
    /// The stream finishes after `stop()`, when the consumer cancels, or with a
    /// `PcapError` if libpcap fails. A capture can be started once; a second call returns
    /// a stream that fails with `.captureAlreadyStarted`.
    public func records() -> AsyncThrowingStream<CaptureRecord, any Error> {
        let (stream, continuation) = AsyncThrowingStream<CaptureRecord, any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(Self.bufferLimit)
        )
        guard started.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            continuation.finish(throwing: PcapError.captureAlreadyStarted)
            return stream
        }
        continuation.onTermination = { [self] _ in stop() }
        let thread = Thread { [self] in readLoop(continuation) }
        thread.name = "uplink-capture-\(interface)"
        thread.start()
        return stream
    }

    /// Stops the capture; the stream finishes once the read loop notices. Safe to call
    /// from any thread, more than once, and before `records()`.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
        handle.breakLoop()
    }

    /// The blocking read loop, run on the capture thread only.
    private func readLoop(_ continuation: AsyncThrowingStream<CaptureRecord, any Error>.Continuation) {
        var framesRead = 0
        while !stopRequested.load(ordering: .acquiring) {
            switch handle.next(frameNumber: framesRead + 1) {
            case let .frame(frame):
                framesRead += 1
                guard let record = decoder.decode(frame) else { continue }
                if case .dropped = continuation.yield(record) {
                    dropped.add(1, ordering: .relaxed)
                }
            case .timeout:
                continue
            case .end:
                continuation.finish()
                return
            case let .failure(reason):
                continuation.finish(throwing: PcapError.readFailed(
                    source: interface, frameNumber: framesRead + 1, reason: reason
                ))
                return
            }
        }
        continuation.finish()
    }

    /// Compiles and installs `filter` (optimised, netmask unknown: no broadcast tests).
    private static func install(filter: String, on handle: PcapHandle) throws(PcapError) {
        var program = bpf_program()
        guard pcap_compile(handle.pointer, &program, filter, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
            throw .invalidFilter(expression: filter, reason: handle.lastError)
        }
        defer { pcap_freecode(&program) }
        guard pcap_setfilter(handle.pointer, &program) == 0 else {
            throw .invalidFilter(expression: filter, reason: handle.lastError)
        }
    }
}
