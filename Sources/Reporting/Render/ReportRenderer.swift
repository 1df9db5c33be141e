import Foundation

/// Writes a `ReportResult` as a table, CSV or JSON in chunks of bytes, so that a million-row
/// export streams to standard output without building one huge string. `progress` is called
/// with the number of rows written every `progressStep` rows.
public struct ReportRenderer {
    public var format: ReportFormat
    public var progressStep = 10_000

    public init(format: ReportFormat) {
        self.format = format
    }

    /// Renders everything into one string (tests, small API answers).
    public func string(_ result: ReportResult) -> String {
        var bytes: [UInt8] = []
        render(result) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Renders into `write`, chunk by chunk.
    public func render(_ result: ReportResult, progress: ((Int) -> Void)? = nil, write: ([UInt8]) -> Void) {
        withoutActuallyEscaping(write) { write in
            var output = ChunkedOutput(write: write)
            var instants = InstantFormatter()
            switch format {
            case .csv: CSVWriter.write(result, &output, &instants, progress: progress, step: progressStep)
            case .json: JSONWriter.write(result, &output, &instants, progress: progress, step: progressStep)
            case .table: TableWriter.write(result, &output, &instants, progress: progress, step: progressStep)
            }
            output.flush()
        }
    }
}

/// A byte buffer flushed to `write` every 64 KiB.
struct ChunkedOutput {
    let write: ([UInt8]) -> Void
    var buffer: [UInt8] = []
    /// Keeps everything in `buffer` (a part rendered in parallel) instead of flushing.
    let collecting: Bool

    init(write: @escaping ([UInt8]) -> Void, collecting: Bool = false) {
        self.write = write
        self.collecting = collecting
        buffer.reserveCapacity(1 << 16)
    }

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if !collecting, buffer.count >= 1 << 16 { flush() }
    }

    mutating func append(byte: UInt8) {
        buffer.append(byte)
    }

    /// Decimal digits of an integer, without an intermediate string.
    mutating func append(integer value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }

    /// Flushes when the buffer is full (call once per row).
    mutating func endRow() {
        if !collecting, buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
