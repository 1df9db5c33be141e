import Foundation

/// JSON: `{"report", "generated_at", "period", "columns", "rows", "totals"}` with one object
/// per row keyed by column key. Numbers are exact integers (bytes, seconds, minor units);
/// instants are ISO 8601 strings with the tenancy's offset; a missing value is `null`.
enum JSONWriter {
    static func write(_ result: ReportResult, _ output: inout ChunkedOutput, _ instants: inout InstantFormatter,
                      progress: ((Int) -> Void)?, step: Int) {
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        output.append("{\"report\":\(string(result.report.rawValue)),")
        output.append("\"generated_at\":\(string(instants.iso8601(result.generatedAt, utc))),")
        if let period = result.period {
            output.append("\"period\":{\"from\":\(string(instants.iso8601(period.from, period.timeZone))),")
            output.append("\"to\":\(string(instants.iso8601(period.to, period.timeZone))),")
            output.append("\"time_zone\":\(string(period.timeZone.identifier))},")
        } else {
            output.append("\"period\":null,")
        }
        let columns = result.columns.map {
            "{\"key\":\(string($0.key)),\"title\":\(string($0.title)),\"type\":\(string($0.kind.rawValue))}"
        }
        output.append("\"columns\":[\(columns.joined(separator: ","))],\n\"rows\":[")
        let keys = result.columns.map { Array((string($0.key) + ":").utf8) }
        ParallelRows.write(result, &output, &instants, progress: progress, step: step) { rows, output, instants in
            writeRows(rows, keys, &output, &instants, progress: nil, step: step)
        }
        output.append("\n],\n\"totals\":")
        let textKeys = result.columns.map { string($0.key) + ":" }
        output.append(result.totals.map { object($0, textKeys, &instants) } ?? "null")
        output.append("}\n")
    }

    static func writeRows(_ rows: ArraySlice<[ReportValue]>, _ keys: [[UInt8]], _ output: inout ChunkedOutput,
                          _ instants: inout InstantFormatter, progress: ((Int) -> Void)?, step: Int) {
        for (index, row) in zip(rows.indices, rows) {
            output.buffer.append(contentsOf: (index == 0 ? "\n{" : ",\n{").utf8)
            for (column, cell) in row.enumerated() where column < keys.count {
                if column > 0 { output.append(byte: UInt8(ascii: ",")) }
                output.buffer.append(contentsOf: keys[column])
                switch cell {
                case .integer(let value), .bytes(let value), .seconds(let value), .money(let value, _):
                    output.append(integer: value)
                case .instant(let date, let zone):
                    output.append(byte: UInt8(ascii: "\""))
                    instants.appendISO8601(date, zone, to: &output.buffer)
                    output.append(byte: UInt8(ascii: "\""))
                default:
                    output.buffer.append(contentsOf: value(cell, &instants).utf8)
                }
            }
            output.append(byte: UInt8(ascii: "}"))
            output.endRow()
            if let progress, (index + 1) % step == 0 { progress(index + 1) }
        }
    }

    private static func object(_ row: [ReportValue], _ keys: [String], _ instants: inout InstantFormatter) -> String {
        var text = "{"
        for (index, cell) in row.enumerated() where index < keys.count {
            if index > 0 { text += "," }
            text += keys[index] + value(cell, &instants)
        }
        return text + "}"
    }

    private static func value(_ cell: ReportValue, _ instants: inout InstantFormatter) -> String {
        switch cell {
        case .null: "null"
        case .text(let text): string(text)
        case .integer(let value), .bytes(let value), .seconds(let value), .money(let value, _): String(value)
        case .instant(let date, let zone): string(instants.iso8601(date, zone))
        case .period(let period): string(period)
        }
    }

    /// A JSON string literal (RFC 8259 §7).
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
