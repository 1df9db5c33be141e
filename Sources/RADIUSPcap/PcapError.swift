import CPcap

/// Failures of the capture layer: the file or interface cannot be used, or reading stopped.
///
/// A bad frame inside a readable capture is not an error; it becomes a `FrameNote`.
/// Every case carries the libpcap message (`reason`) so the user sees why.
public enum PcapError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened as pcap or pcapng (missing, unreadable, bad magic,
    /// header cut short).
    case cannotOpen(path: String, reason: String)
    /// The capture's link-layer type (a libpcap DLT value) is not one this reader decodes.
    case unsupportedLinkType(Int32)
    /// Reading stopped at `frameNumber` (1-based) because the source is corrupt or cut
    /// short, e.g. "truncated dump file"; frames before it were delivered.
    case readFailed(source: String, frameNumber: Int, reason: String)
    /// The interface could not be opened or activated for a live capture (no such device,
    /// no permission, ...).
    case cannotCapture(interface: String, reason: String)
    /// libpcap rejected the BPF filter expression.
    case invalidFilter(expression: String, reason: String)
    /// `LiveCapture.records()` was called a second time; a capture is consumed once.
    case captureAlreadyStarted

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open capture \(path): \(reason)"
        case let .unsupportedLinkType(value):
            let name = pcap_datalink_val_to_name(value).map { String(cString: $0) } ?? "unknown"
            return "unsupported link-layer type \(value) (\(name)); supported: "
                + LinkType.allCases.map(\.name).joined(separator: ", ")
        case let .readFailed(source, frameNumber, reason):
            return "reading \(source) failed at frame \(frameNumber): \(reason)"
        case let .cannotCapture(interface, reason):
            return "cannot capture on \(interface): \(reason)"
        case let .invalidFilter(expression, reason):
            return "invalid capture filter \"\(expression)\": \(reason)"
        case .captureAlreadyStarted:
            return "this live capture has already been started"
        }
    }
}
