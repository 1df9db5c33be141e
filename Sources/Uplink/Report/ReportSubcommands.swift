import ArgumentParser
import Reporting

// One small subcommand per report; each only adds the options its report has.

/// `uplink report usage`.
struct ReportUsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "usage", abstract: ReportName.usage.summary)
    @OptionGroup var options: ReportOptions
    @Option(name: .long, help: "Group by day (default) or month.")
    var by: String?
    func run() throws { try options.run(.usage, by: by) }
}

/// `uplink report sessions`.
struct ReportSessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: ReportName.sessions.summary)
    @OptionGroup var options: ReportOptions
    func run() throws { try options.run(.sessions) }
}

/// `uplink report online`.
struct ReportOnlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "online", abstract: ReportName.online.summary)
    @OptionGroup var options: ReportOptions
    func run() throws { try options.run(.online) }
}

/// `uplink report top`.
struct ReportTopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "top", abstract: ReportName.top.summary)
    @OptionGroup var options: ReportOptions
    @Option(name: .long, help: "Rank by bytes (default) or time.")
    var by: String?
    func run() throws { try options.run(.top, by: by) }
}

/// `uplink report nas`.
struct ReportNASCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nas", abstract: ReportName.nas.summary)
    @OptionGroup var options: ReportOptions
    func run() throws { try options.run(.nas) }
}

/// `uplink report operators`.
struct ReportOperatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "operators", abstract: ReportName.operators.summary)
    @OptionGroup var options: ReportOptions
    func run() throws { try options.run(.operators) }
}

/// `uplink report revenue`.
struct ReportRevenueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revenue", abstract: ReportName.revenue.summary)
    @OptionGroup var options: ReportOptions
    func run() throws { try options.run(.revenue) }
}

/// `uplink report expiring`.
struct ReportExpiringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expiring", abstract: ReportName.expiring.summary)
    @OptionGroup var options: ReportOptions
    @Option(name: .long, help: "Days ahead (default 7).")
    var days: Int?
    func run() throws { try options.run(.expiring, days: days) }
}
