import BillingCore
import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import Reporting

/// `GET /api/v1/reports/{name}`: the accounting reports of `uplink report` (issue 7) over HTTP,
/// one route per report so that each has its own access rule and documented filters. The same
/// `ReportService` runs them with the caller as the actor, so every role sees only its subtree
/// (docs/reports.md, "Who sees what"). Filters are the CLI's, as query parameters, but entities
/// are named by id only: a name lookup would tell a caller whether a name exists elsewhere.
/// A filter naming something outside the caller's scope is 404, like every id in the API.
enum ReportRoutes {
    /// The most rows one answer carries; a bigger report needs `limit` or the CLI.
    static let maxRows = 100_000

    /// Reports run one at a time on their own thread, never on the event loops or the
    /// concurrency pool: a month of sessions takes seconds and the RADIUS server shares the cores.
    private static let queue = DispatchQueue(label: "uplink.reports", qos: .utility)

    static func routes() -> [APIRoute] {
        ReportName.allCases.map(route)
    }

    /// What a role must hold anywhere to run the report (else 403). Customer data needs
    /// `view_customers` (the scope reports apply is `accessibleCustomers`); session data also
    /// `view_sessions`; money `view_money`; NAS rows `view_nas`.
    static func permissions(_ report: ReportName) -> [Permission] {
        switch report {
        case .usage, .sessions, .online, .top: [.viewCustomers, .viewSessions]
        case .expiring: [.viewCustomers]
        case .operators: [.viewCustomers, .viewMoney]
        case .revenue: [.viewMoney]
        case .nas: [.viewNAS]
        }
    }

    static func route(_ report: ReportName) -> APIRoute {
        let accepted = report.acceptedFilters
        let permissions = permissions(report)
        var requirements = permissions.map(Requirement.holds)
        if accepted.contains(.tenancy) { requirements.append(.visible(.query("tenancy"), .tenancy)) }
        if accepted.contains(.isp) { requirements.append(.visible(.query("isp"), .isp)) }
        if accepted.contains(.operator) { requirements.append(.visible(.query("operator"), .account)) }
        if accepted.contains(.customer), let last = permissions.last {
            requirements.append(.permitted(.query("customer"), .subscriber, last))
        }
        if accepted.contains(.nas) { requirements.append(.visible(.query("nas"), .nas)) }
        let name = report.rawValue
        var route = APIRoute(
            .get, "/api/v1/reports/\(name)", operationID: "report" + name.prefix(1).uppercased() + name.dropFirst(),
            summary: "Report: \(report.summary) (JSON, or CSV with format=csv or Accept: text/csv)", tag: "reports",
            access: .signedIn(requirements), query: parameters(report), response: ReportDocument.ref
        ) { input in
            try await run(report, input)
        }
        route.alsoContent["text/csv"] = .string(
            description: "RFC 4180: a header line of column keys, one line per row, no totals")
        return route
    }

    static func parameters(_ report: ReportName) -> [QueryParameter] {
        let all: [ReportFilterName: QueryParameter] = [
            .tenancy: QueryParameter("tenancy", .id, "only this tenancy (id)"),
            .isp: QueryParameter("isp", .id, "only this ISP (id)"),
            .operator: QueryParameter(
                "operator", .id, "only the customers of this Operator or Sub-Operator (account id); "
                    + "an Operator includes its Sub-Operators"),
            .customer: QueryParameter("customer", .id, "only this customer (id)"),
            .nas: QueryParameter("nas", .id, "only this NAS (id)"),
            .from: QueryParameter(
                "from", .string(minLength: 1, maxLength: 40, pattern: "^[0-9T:+.Z-]+$"),
                "start: YYYY-MM or YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] in the tenancy's time zone, "
                    + "or ISO 8601 with an offset; default: the current month"),
            .to: QueryParameter(
                "to", .string(minLength: 1, maxLength: 40, pattern: "^[0-9T:+.Z-]+$"),
                "end: a month or day is inclusive, an instant exclusive"),
            .limit: QueryParameter(
                "limit", .integer(minimum: 1, maximum: Int64(maxRows)),
                report == .top ? "how many customers (default 10)" : "at most this many rows"),
            .by: QueryParameter(
                "by", .enumeration(report == .top ? ["bytes", "time"] : ["day", "month"]),
                report == .top ? "rank by bytes (default) or session time" : "one row per day (default) or month"),
            .days: QueryParameter("days", .integer(minimum: 1, maximum: 3660), "days ahead (default 7)"),
        ]
        let order: [ReportFilterName] = [.tenancy, .isp, .operator, .customer, .nas, .from, .to, .by, .days, .limit]
        return order.filter(report.acceptedFilters.contains).compactMap { all[$0] }
            + [QueryParameter("format", .enumeration(["json", "csv"]), "json (default) or csv")]
    }

    // MARK: Running

    static func run(_ report: ReportName, _ input: RouteInput) async throws -> APIResult {
        let caller = try input.requireCaller()
        let format = try format(input)
        var filters = try filters(report, input)
        guard let source = input.dependencies.reports else {
            throw Problem(.serviceUnavailable, slug: "reports-unavailable", title: "Reports are not available")
        }
        // Without a limit, ask for one row more than an answer may carry, to know it is too big.
        let capped = filters.limit == nil && report != .top
        if capped { filters.limit = maxRows + 1 }
        let now = input.dependencies.clock.now()
        let logger = input.dependencies.logger
        let sendableFilters = filters
        return try await offload {
            let result: ReportResult
            do {
                result = try ReportService(source: source).run(
                    report, filters: sendableFilters, actor: .account(caller.id), now: now)
            } catch let error as ReportError {
                throw problem(error, logger: logger)
            }
            if capped, result.rows.count > maxRows {
                throw Problem.validation(
                    "limit",
                    "the report has more than \(maxRows) rows: narrow the period or the filters, pass limit, "
                        + "or export with `uplink report`")
            }
            let body = ReportRenderer(format: format).bytes(result)
            return APIResult(
                status: .ok, body: body,
                contentType: format == .csv ? "text/csv; charset=utf-8" : "application/json")
        }
    }

    /// The filters of the query string. Filters the report does not take are refused (a
    /// silently ignored filter would return numbers that look filtered but are not).
    static func filters(_ report: ReportName, _ input: RouteInput) throws -> ReportFilters {
        let accepted = report.acceptedFilters
        for name in ReportFilterName.allCases where !accepted.contains(name) && input.query(name.rawValue) != nil {
            throw Problem.validation(name.rawValue, "does not apply to the \(report.rawValue) report")
        }
        func id(_ name: String) throws -> String? {
            try input.queryInt(name, in: 1...Int64.max).map(String.init)
        }
        func date(_ name: String) throws -> String? {
            guard let text = input.query(name) else { return nil }
            guard (1...40).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isNumber || "T:+.Z-".contains($0)) })
            else { throw Problem.validation(name, "must be a date such as 2026-01, 2026-01-31 or 2026-01-31T00:00:00Z") }
            return text
        }
        let by: String? =
            switch report {
            case .usage: try input.queryChoice("by", ["day", "month"])
            case .top: try input.queryChoice("by", ["bytes", "time"])
            default: nil
            }
        return ReportFilters(
            tenancy: try id("tenancy"), isp: try id("isp"), operator: try id("operator"), customer: try id("customer"),
            nas: try id("nas"), from: try date("from"), to: try date("to"),
            limit: try input.queryInt("limit", in: 1...Int64(maxRows)).map(Int.init), by: by,
            days: try input.queryInt("days", in: 1...3660).map(Int.init))
    }

    /// `?format=` wins; else the first of `text/csv` and `application/json` named in `Accept`;
    /// else JSON.
    static func format(_ input: RouteInput) throws -> ReportFormat {
        if let format = try input.queryChoice("format", ["json", "csv"]) { return format == "csv" ? .csv : .json }
        let accept = input.request.headers[.accept] ?? ""
        for item in accept.split(separator: ",") {
            let type = item.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if type == "text/csv" { return .csv }
            if type == "application/json" { return .json }
        }
        return .json
    }

    /// The problem for a report error: a bad filter names the query parameter (400); the caller
    /// itself not being a usable account is 403; a storage failure is logged and 500.
    static func problem(_ error: ReportError, logger: Logger) -> Problem {
        switch error.code {
        case .badFilter:
            var message = Substring(error.message)
            if let filter = error.filter, message.hasPrefix("--" + filter.rawValue) {
                message = message.dropFirst(2 + filter.rawValue.count).drop { $0 == ":" || $0 == " " }
            }
            return .validation(error.filter?.rawValue ?? "query", message.replacingOccurrences(of: "--", with: ""))
        case .unknownReport:
            return .notFound
        case .forbidden:
            return .forbidden
        default:
            logger.error("report failed", metadata: ["code": "\(error.code)", "error": "\(error.message)"])
            return .internalError
        }
    }

    private static func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}

extension ReportRenderer {
    /// The whole report as bytes (an API answer).
    func bytes(_ result: ReportResult) -> [UInt8] {
        var bytes: [UInt8] = []
        render(result) { bytes += $0 }
        return bytes
    }
}
