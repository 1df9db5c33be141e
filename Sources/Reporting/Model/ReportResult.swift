import Foundation

/// A finished report: typed columns and rows, shared by the CLI renderers and the HTTP API.
/// `totals` adds up the summable columns (nil for an empty report); money columns are only
/// totalled when every row has the same currency.
public struct ReportResult: Sendable, Hashable {
    public var report: ReportName
    public var columns: [ReportColumn]
    public var rows: [[ReportValue]]
    public var totals: [ReportValue]?
    /// The period the report covers, when it has one (`[from, to)`).
    public var period: ReportPeriodSummary?
    /// When the report was made.
    public var generatedAt: Date

    public init(
        report: ReportName, columns: [ReportColumn], rows: [[ReportValue]], period: ReportPeriodSummary?,
        generatedAt: Date
    ) {
        self.report = report
        self.columns = columns
        self.rows = rows
        self.period = period
        self.generatedAt = generatedAt
        self.totals = rows.isEmpty ? nil : Self.totals(columns, rows)
    }

    /// Sums of the summable columns; the first column says "total".
    static func totals(_ columns: [ReportColumn], _ rows: [[ReportValue]]) -> [ReportValue] {
        var totals = [ReportValue](repeating: .null, count: columns.count)
        for (index, column) in columns.enumerated() where column.summable {
            var sum: Int64 = 0
            var currency: ReportCurrency?
            var mixed = false
            for row in rows where index < row.count {
                let cell = row[index]
                if case .money(_, let rowCurrency) = cell {
                    if currency == nil { currency = rowCurrency } else if currency != rowCurrency { mixed = true }
                }
                sum = sum &+ (cell.integerValue ?? 0)
            }
            switch column.kind {
            case .bytes: totals[index] = .bytes(sum)
            case .seconds: totals[index] = .seconds(sum)
            case .money: totals[index] = mixed ? .null : currency.map { .money(sum, $0) } ?? .null
            default: totals[index] = .integer(sum)
            }
        }
        if let first = columns.indices.first, !columns[first].summable { totals[first] = .text("total") }
        return totals
    }
}
