import Foundation

/// RFC 4180 CSV: a header of column keys, then one line per row with exact values (bytes,
/// seconds and minor units as integers, instants as ISO 8601 with the tenancy's offset). No
/// totals line, so the file is pure data.
enum CSVWriter {
    static func write(_ result: ReportResult, _ output: inout ChunkedOutput, _ instants: inout InstantFormatter,
                      progress: ((Int) -> Void)?, step: Int) {
        output.append(result.columns.map { quote($0.key) }.joined(separator: ",") + "\r\n")
        ParallelRows.write(result, &output, &instants, progress: progress, step: step) { rows, output, instants in
            writeRows(rows, &output, &instants, progress: nil, step: step)
        }
    }

    static func writeRows(_ rows: ArraySlice<[ReportValue]>, _ output: inout ChunkedOutput,
                          _ instants: inout InstantFormatter, progress: ((Int) -> Void)?, step: Int) {
        for (index, row) in zip(rows.indices, rows) {
            for (column, cell) in row.enumerated() {
                if column > 0 { output.append(byte: UInt8(ascii: ",")) }
                switch cell {
                case .integer(let value), .bytes(let value), .seconds(let value), .money(let value, _):
                    output.append(integer: value)
                case .null:
                    break
                case .instant(let date, let zone):
                    instants.appendISO8601(date, zone, to: &output.buffer)
                default:
                    output.buffer.append(contentsOf: text(cell, &instants).utf8)
                }
            }
            output.buffer.append(0x0D)
            output.buffer.append(0x0A)
            output.endRow()
            if let progress, (index + 1) % step == 0 { progress(index + 1) }
        }
    }

    static func text(_ value: ReportValue, _ instants: inout InstantFormatter) -> String {
        switch value {
        case .null: ""
        case .text(let text): quote(text)
        case .integer(let value), .bytes(let value), .seconds(let value), .money(let value, _): String(value)
        case .instant(let date, let zone): instants.iso8601(date, zone)
        case .period(let period): period
        }
    }

    static func quote(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
