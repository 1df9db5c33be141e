import BillingCore
import Foundation

/// Everything a report needs once the request is understood: the directory, the acting
/// account and policy, the effective scope (actor ∩ filters), the period per time zone, and
/// the remaining options. Building it validates every filter.
struct ReportContext {
    let report: ReportName
    let filters: ReportFilters
    let directory: ReportDirectory
    /// Nil for the unrestricted shell user.
    let actor: Account?
    let now: Date
    /// What the actor may see of subscribers, already narrowed by the filters.
    let scope: ReportScope
    /// The filters alone (tenancy, ISP, operator tree, customer, NAS), for reports whose
    /// visibility is decided per row (NAS, sellers, money).
    let filterScope: ReportScope
    /// The period per time zone (one window for one zone).
    let windows: [ReportWindow]
    let limit: Int?

    init(report: ReportName, filters: ReportFilters, actor requested: ReportActor, now: Date,
         source: any ReportSource) throws {
        self.report = report
        self.filters = filters
        self.now = now
        let unsupported = filters.given.subtracting(report.acceptedFilters)
        if let first = unsupported.map(\.rawValue).sorted().first {
            throw ReportError.badFilter("--\(first) does not apply to the \(report.rawValue) report")
        }
        if let limit = filters.limit, limit < 1 { throw ReportError.badFilter("--limit must be at least 1") }
        limit = filters.limit
        var directory = try ReportService.reading { try source.loadDirectory() }
        actor = try Self.resolve(requested, directory: &directory, source: source)
        self.directory = directory
        let resolver = FilterResolver(directory: directory, source: source)
        filterScope = try resolver.scope(filters)
        let actorScope: ReportScope
        if let actor {
            actorScope = ReportScope(AccessPolicy(directory: directory).accessibleCustomers(actor))
        } else {
            actorScope = ReportScope()
        }
        scope = actorScope.intersecting(filterScope)
        // The time zones that matter: those of the ISPs the scope can reach.
        var zoneISPs = scope.ispIDs
        if zoneISPs == nil, let owners = scope.ownerIDs {
            zoneISPs = Set(owners.compactMap { directory.accounts[$0]?.ispID })
        }
        windows = try PeriodResolver(directory: directory, now: now)
            .windows(from: filters.from, to: filters.to, ispIDs: zoneISPs)
    }

    private static func resolve(_ actor: ReportActor, directory: inout ReportDirectory, source: any ReportSource) throws
        -> Account?
    {
        let account: Account?
        switch actor {
        case .unrestricted: return nil
        case .account(let id): account = try directory.accounts[id] ?? ReportService.reading { try source.account(id: id) }
        case .email(let email): account = try ReportService.reading { try source.account(email: email) }
        }
        guard let account, !account.isDisabled else {
            throw ReportError(.forbidden, "unknown or disabled account")
        }
        directory.accounts[account.id] = account
        return account
    }

    /// The summary of the first window, for headers.
    var periodSummary: ReportPeriodSummary? {
        windows.first.map { ReportPeriodSummary(from: $0.from, to: $0.to, timeZone: $0.timeZone) }
    }

    /// Whether the actor may see money and NAS rows of an ISP / account.
    func can(_ permission: Permission, on resource: Resource) -> Bool {
        guard let actor else { return true }
        if case .account(let id) = resource, id == actor.id { return true }
        return AccessPolicy(directory: directory).can(actor, permission, on: resource)
    }

    /// Truncates to `--limit`.
    func limited<T>(_ rows: [T]) -> [T] {
        guard let limit, rows.count > limit else { return rows }
        return Array(rows.prefix(limit))
    }

    func ispName(_ id: ISPID) -> String { directory.isps[id]?.name ?? "#\(id)" }

    func accountName(_ id: AccountID) -> String { directory.accounts[id]?.email ?? "#\(id)" }

    func timeZone(ofISP id: ISPID) -> TimeZone { directory.timeZone(ofISP: id) }
}
