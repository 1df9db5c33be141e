/// The reports `uplink report …` and `GET /api/v1/reports/{name}` answer. The raw value is the
/// name on the command line and in the URL.
public enum ReportName: String, Sendable, Hashable, CaseIterable, Codable {
    /// Per customer, per day or month: upload, download, total, session time.
    case usage
    /// Session history: start, stop, duration, bytes, terminate cause, NAS, IP, MAC.
    case sessions
    /// Open sessions now, with duration and bytes.
    case online
    /// The top N customers by bytes or session time in a period.
    case top
    /// Per NAS: sessions, users, bytes, time, Access-Accepts and -Rejects by reason.
    case nas
    /// Per Operator / Sub-Operator: customers, active, expired, usage, sales.
    case operators
    /// Per level, from the ledger and the booked commissions: sales, costs, margins, collections.
    case revenue
    /// Customers whose paid period ends within N days.
    case expiring

    /// One line for help texts and the API index.
    public var summary: String {
        switch self {
        case .usage: "usage per customer and day or month: upload, download, total, session time"
        case .sessions: "session history: start, stop, duration, bytes, terminate cause, NAS, IP, MAC"
        case .online: "open sessions now, with duration and bytes"
        case .top: "top customers by bytes or session time in a period"
        case .nas: "per NAS: sessions, users, bytes, time, auth accepts and rejects by reason"
        case .operators: "per operator and sub-operator: customers, active, expired, usage, sales"
        case .revenue: "per level: sales, costs, margins, other charges, collections from the ledger"
        case .expiring: "customers whose paid period ends within N days"
        }
    }

    /// The filters that make sense for this report; any other given filter is an error.
    public var acceptedFilters: Set<ReportFilterName> {
        let subscriberScope: Set<ReportFilterName> = [.tenancy, .isp, .operator, .customer, .limit]
        switch self {
        case .usage: return subscriberScope.union([.from, .to, .by])
        case .sessions: return subscriberScope.union([.nas, .from, .to])
        case .online: return subscriberScope.union([.nas])
        case .top: return subscriberScope.union([.from, .to, .by])
        case .nas: return [.tenancy, .isp, .nas, .from, .to, .limit]
        case .operators: return [.tenancy, .isp, .operator, .from, .to, .limit]
        case .revenue: return [.tenancy, .isp, .operator, .from, .to, .limit]
        case .expiring: return subscriberScope.union([.days])
        }
    }
}
