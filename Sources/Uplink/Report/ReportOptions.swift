import ArgumentParser
import BillingStoreSQLite
import Foundation
import ServerRuntime
import Reporting

/// The options every report accepts, and the run: open the database read-only, run the report
/// through `ReportService`, write it to standard output. Filters a report does not use are
/// refused by the service with a clear message.
struct ReportOptions: ParsableArguments {
    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Tenancy id or name.")
    var tenancy: String?

    @Option(name: .long, help: "ISP id or name.")
    var isp: String?

    @Option(name: .long, help: "Operator or Sub-Operator id or email (an Operator includes its Sub-Operators).")
    var `operator`: String?

    @Option(name: .long, help: "Customer id or username.")
    var customer: String?

    @Option(name: .long, help: "NAS id or name.")
    var nas: String?

    @Option(name: .long, help: "Start of the period: YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS] or ISO 8601 with offset.")
    var from: String?

    @Option(name: .long, help: "End of the period (a date or month is inclusive, an instant exclusive).")
    var to: String?

    @Option(name: .long, help: "At most this many rows.")
    var limit: Int?

    @Option(name: .long, help: "Output: table (default on a terminal), csv (default otherwise) or json.")
    var format: String?

    @Option(name: .customLong("as"), help: "Scope the report to what this account (email) may see.")
    var asAccount: String?

    @Option(name: .long, help: .hidden)
    var now: String?

    /// Runs `report` with the extra filters of its subcommand.
    func run(_ report: ReportName, by: String? = nil, days: Int? = nil) throws {
        let format = try outputFormat()
        let configuration = try common.resolve()
        let filters = ReportFilters(
            tenancy: tenancy, isp: isp, operator: `operator`, customer: customer, nas: nas, from: from, to: to,
            limit: limit, by: by, days: days)
        do {
            let source = try ReportSQLiteSource(directory: configuration.dataDirectory)
            let result = try ReportService(source: source).run(
                report, filters: filters, actor: asAccount.map(ReportActor.email) ?? .unrestricted, now: try clock())
            write(result, format: format)
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("uplink report \(report.rawValue): \(error.message)\n".utf8))
            throw ExitCode(error.code == .badFilter || error.code == .unknownReport ? 2 : 1)
        }
    }

    private func outputFormat() throws -> ReportFormat {
        guard let format else { return isatty(STDOUT_FILENO) == 1 ? .table : .csv }
        guard let parsed = ReportFormat(rawValue: format.lowercased()) else {
            throw ValidationError("--format must be table, csv or json")
        }
        return parsed
    }

    /// The wall clock, or `--now` for reproducible runs.
    private func clock() throws -> Date {
        guard let now else { return Date() }
        guard let date = ISO8601DateFormatter().date(from: now) else {
            throw ValidationError("--now must be an ISO 8601 instant with an offset")
        }
        return date
    }

    private func write(_ result: ReportResult, format: ReportFormat) {
        let large = result.rows.count >= 20_000
        let progress = large ? ProgressLine(total: result.rows.count, label: "writing \(result.report.rawValue)") : nil
        let output = FileHandle.standardOutput
        ReportRenderer(format: format).render(result, progress: { progress?.update($0) }, write: { output.write(Data($0)) })
        progress?.finish()
    }
}
