/// One column of a report: a stable machine key (CSV header, JSON field), a title for tables,
/// the kind of its cells, and whether a totals row adds it up.
public struct ReportColumn: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case text, integer, bytes, seconds, money, instant, period
    }

    public var key: String
    public var title: String
    public var kind: Kind
    public var summable: Bool

    public init(_ key: String, _ title: String, _ kind: Kind, summable: Bool = false) {
        self.key = key
        self.title = title
        self.kind = kind
        self.summable = summable
    }

    /// Numbers are right-aligned in tables.
    public var isNumeric: Bool {
        switch kind {
        case .integer, .bytes, .seconds, .money: true
        case .text, .instant, .period: false
        }
    }
}
