/// How a report is written: aligned columns with human units and a totals row (`table`, the
/// default on a terminal), or exact machine forms (`csv`, `json`: integers, ISO 8601 times,
/// money in minor units).
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    case table, csv, json
}
