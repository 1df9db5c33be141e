import ArgumentParser
import Foundation
import ServerRuntime

/// `uplink report bench-data --data DIR`: fills an empty data directory with the reports
/// benchmark data set (scripts/bench-reports). Everything goes through the billing engine:
/// hierarchy, subscribers, sales and accounting (`applyAccounting` in large batches).
struct ReportBenchDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-data",
        abstract: "Generate the reports benchmark data set into an empty data directory.",
        shouldDisplay: false
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Number of customers.")
    var customers = 100_000

    @Option(name: .long, help: "Number of sessions.")
    var sessions = 1_000_000

    @Option(name: .long, help: "Number of package sales (renewals).")
    var sales = 20_000

    @Option(name: .long, help: "Accounting records per applyAccounting batch.")
    var batch = 5_000

    mutating func validate() throws {
        guard customers >= 100, sessions >= customers, sales >= 0, (100...50_000).contains(batch) else {
            throw ValidationError("need customers >= 100, sessions >= customers, batch 100...50000")
        }
    }

    func run() throws {
        let configuration = try common.resolve()
        var generator = try ReportBenchGenerator(configuration: configuration, seed: 0x5EED)
        let started = Date()
        try generator.hierarchy()
        try generator.customers(customers)
        try generator.sales(sales)
        try generator.sessions(sessions, batch: batch)
        try generator.authOutcomes()
        let seconds = Date().timeIntervalSince(started)
        print("generated \(customers) customers, \(sessions) sessions, \(sales) sales in "
            + "\(Int(seconds.rounded())) s into \(configuration.dataDirectory)")
        print("report month: \(ReportBenchGenerator.month) (time zone \(ReportBenchGenerator.timeZone)); "
            + "report clock: --now \(ReportBenchGenerator.reportNow)")
    }
}
