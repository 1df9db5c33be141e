import Foundation

/// Writes the packet tools' output: JSON lines to stdout, notes and errors to stderr.
///
/// Lines are collected and written in blocks (a capture file can hold millions of packets),
/// unless `immediate` is set, as `uplink sniff` does so every packet shows up at once even
/// through a pipe. Before a note, pending lines are written, so a terminal shows them in order.
final class ToolOutput {
    private let immediate: Bool
    private var pending = Data()
    private static let blockSize = 64 * 1024

    init(immediate: Bool) {
        self.immediate = immediate
    }

    func line(_ text: String) {
        pending.append(contentsOf: text.utf8)
        pending.append(UInt8(ascii: "\n"))
        if immediate || pending.count >= Self.blockSize { flush() }
    }

    func note(_ text: String) {
        flush()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
