import Foundation

/// One cell of a report. Values keep their exact machine form (integers, instants); the
/// renderers decide how to show them: human units in a table, exact integers and ISO 8601 in
/// CSV and JSON.
public enum ReportValue: Sendable, Hashable {
    case null
    case text(String)
    /// A plain count.
    case integer(Int64)
    /// A number of octets.
    case bytes(Int64)
    /// A duration in seconds.
    case seconds(Int64)
    /// An amount in minor units of a currency. Boxed (`indirect`): inline, its currency would make
    /// every cell 40 bytes instead of 24, and a month's session export holds ten million cells.
    indirect case money(Int64, ReportCurrency)
    /// An instant, shown in the time zone of the tenancy it belongs to.
    case instant(Date, TimeZone)
    /// A local calendar day `YYYY-MM-DD` or month `YYYY-MM`.
    case period(String)

    /// The integer behind a numeric cell, nil for other kinds.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value), .bytes(let value), .seconds(let value), .money(let value, _): value
        default: nil
        }
    }
}
