import BillingCore
import Foundation

/// Runs a report: resolves the filters and the actor's scope (one central `AccessPolicy`),
/// queries the `ReportSource` and returns typed columns and rows. The CLI and the HTTP API
/// (`GET /api/v1/reports/{name}`) both call `run`; only the rendering differs.
public struct ReportService: Sendable {
    public let source: any ReportSource

    public init(source: any ReportSource) {
        self.source = source
    }

    /// Runs the report called `name` (as typed in a URL or on the command line).
    public func run(named name: String, filters: ReportFilters, actor: ReportActor, now: Date) throws -> ReportResult {
        guard let report = ReportName(rawValue: name.lowercased()) else {
            let known = ReportName.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReportError(.unknownReport, "no report named \"\(name)\" (reports: \(known))")
        }
        return try run(report, filters: filters, actor: actor, now: now)
    }

    /// Runs one report for `actor` at `now` (the injected clock: the CLI passes the wall clock).
    public func run(_ report: ReportName, filters: ReportFilters, actor: ReportActor, now: Date) throws -> ReportResult {
        let context = try ReportContext(report: report, filters: filters, actor: actor, now: now, source: source)
        switch report {
        case .usage: return try usage(context)
        case .top: return try top(context)
        case .sessions: return try sessions(context)
        case .online: return try online(context)
        case .nas: return try nasReport(context)
        case .operators: return try operators(context)
        case .revenue: return try revenue(context)
        case .expiring: return try expiring(context)
        }
    }

    /// Runs `body` and wraps store failures that are not already report errors.
    static func reading<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ReportError {
            throw error
        } catch let error as BillingError {
            throw ReportError(.storage, error.message)
        }
    }
}
