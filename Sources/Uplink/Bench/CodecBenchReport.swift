/// The result of `uplink bench codec`, as a table for people or JSON for scripts.
struct CodecBenchReport: Encodable {
    var build: String
    var checksum: Int
    var rows: [CodecBenchmark.Measurement]

    var table: String {
        var lines = [
            "RADIUS codec throughput (\(build) build, one thread, \(rows.first?.iterations ?? 0) iterations per row;",
            "packets/s per CPU second of the thread, wall-clock figure beside it)",
        ]
        if build == "debug" { lines.append("warning: debug build; measure with `swift build -c release`") }
        let width = rows.map(\.packet.count).max() ?? 0
        lines.append(pad("packet", width) + "  " + pad("operation", 17) + "  bytes  packets/s (CPU)  ns/packet  packets/s (wall)")
        for row in rows {
            lines.append(
                pad(row.packet, width) + "  " + pad(row.operation, 17) + "  " + left(String(row.bytes), 5) + "  "
                    + left(String(Int(row.packetsPerSecond.rounded())), 15) + "  "
                    + left(String(Int(row.nanosecondsPerPacket.rounded())), 9) + "  "
                    + left(String(Int(row.wallPacketsPerSecond.rounded())), 16))
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func left(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
