import Foundation

/// An aligned text table for people: titles, a rule, rows (text left, numbers right, human
/// units), a rule and the totals row. An empty report prints the titles and "(no rows)".
enum TableWriter {
    static func write(_ result: ReportResult, _ output: inout ChunkedOutput, _ instants: inout InstantFormatter,
                      progress: ((Int) -> Void)?, step: Int) {
        var cells: [[String]] = []
        cells.reserveCapacity(result.rows.count + 1)
        for row in result.rows { cells.append(row.map { text($0, &instants) }) }
        let totals = result.totals.map { row in row.map { text($0, &instants) } }
        var widths = result.columns.map { $0.title.count }
        for row in cells + (totals.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let numeric = result.columns.map(\.isNumeric)
        func line(_ row: [String]) -> String {
            var text = ""
            for (index, cell) in row.enumerated() where index < widths.count {
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                if index > 0 { text += "  " }
                text += numeric[index] ? pad + cell : (index == row.count - 1 ? cell : cell + pad)
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        output.append(line(result.columns.map(\.title)))
        output.append(rule)
        if cells.isEmpty { output.append("(no rows)\n") }
        for (index, row) in cells.enumerated() {
            output.append(line(row))
            if let progress, (index + 1) % step == 0 { progress(index + 1) }
        }
        if let totals {
            output.append(rule)
            output.append(line(totals))
        }
        progress?(result.rows.count)
    }

    static func text(_ value: ReportValue, _ instants: inout InstantFormatter) -> String {
        switch value {
        case .null: ""
        case .text(let text): text
        case .integer(let value): String(value)
        case .bytes(let value): HumanUnits.bytes(value)
        case .seconds(let value): HumanUnits.duration(value)
        case .money(let value, let currency): HumanUnits.money(value, minorUnits: currency.minorUnits)
        case .instant(let date, let zone): instants.short(date, zone)
        case .period(let period): period
        }
    }
}
