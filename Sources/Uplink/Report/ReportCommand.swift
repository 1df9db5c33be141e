import ArgumentParser
import Reporting

/// `uplink report …`: accounting reports from the shell on the database `uplink serve` uses,
/// read-only and safe while the server runs. One subcommand per report; all logic lives in the
/// `Reporting` target, shared with the API's `GET /api/v1/reports/{name}`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Accounting reports: usage, sessions, online, top, nas, operators, revenue, expiring.",
        discussion: """
            Dates are in each tenancy's time zone (YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM) or explicit \
            ISO 8601 instants with an offset. A date or month given to --to is inclusive. Without --from \
            and --to a report covers the current month. The shell user sees everything unless --as EMAIL \
            scopes the report to that account's role. See docs/reports.md.
            """,
        subcommands: [
            ReportUsageCommand.self, ReportSessionsCommand.self, ReportOnlineCommand.self, ReportTopCommand.self,
            ReportNASCommand.self, ReportOperatorsCommand.self, ReportRevenueCommand.self,
            ReportExpiringCommand.self, ReportBenchDataCommand.self,
        ]
    )
}
