/// The filters of one report request, as text exactly as a person typed them on the command
/// line or in a query string. `ReportService` resolves them against the directory and the
/// tenancy's time zone and rejects bad ones with a `ReportError.badFilter` naming the filter.
public struct ReportFilters: Sendable, Hashable {
    /// Tenancy id or name.
    public var tenancy: String?
    /// ISP id or name.
    public var isp: String?
    /// Operator or Sub-Operator id or email; an Operator includes its Sub-Operators.
    public var `operator`: String?
    /// Subscriber id or username.
    public var customer: String?
    /// NAS id or name.
    public var nas: String?
    /// Start: `YYYY-MM-DD` or `YYYY-MM` (local midnight in the tenancy's time zone),
    /// `YYYY-MM-DDTHH:MM[:SS]` (local time) or ISO 8601 with an offset (`…Z`, `…+06:00`).
    public var from: String?
    /// End: a date or month is inclusive (the period ends at the next local midnight); an
    /// instant is exclusive.
    public var to: String?
    /// At most this many rows.
    public var limit: Int?
    /// `usage`: `day` (default) or `month`; `top`: `bytes` (default) or `time`.
    public var by: String?
    /// `expiring`: the number of days ahead (default 7).
    public var days: Int?

    public init(
        tenancy: String? = nil, isp: String? = nil, operator: String? = nil, customer: String? = nil,
        nas: String? = nil, from: String? = nil, to: String? = nil, limit: Int? = nil, by: String? = nil,
        days: Int? = nil
    ) {
        self.tenancy = tenancy
        self.isp = isp
        self.operator = `operator`
        self.customer = customer
        self.nas = nas
        self.from = from
        self.to = to
        self.limit = limit
        self.by = by
        self.days = days
    }

    /// The filters that carry a value.
    public var given: Set<ReportFilterName> {
        var names: Set<ReportFilterName> = []
        if tenancy != nil { names.insert(.tenancy) }
        if isp != nil { names.insert(.isp) }
        if `operator` != nil { names.insert(.operator) }
        if customer != nil { names.insert(.customer) }
        if nas != nil { names.insert(.nas) }
        if from != nil { names.insert(.from) }
        if to != nil { names.insert(.to) }
        if limit != nil { names.insert(.limit) }
        if by != nil { names.insert(.by) }
        if days != nil { names.insert(.days) }
        return names
    }
}
