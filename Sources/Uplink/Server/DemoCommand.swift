import ArgumentParser
import BillingCore
import Foundation
import ServerRuntime

/// `uplink demo`: loads the demo data set (and optionally N benchmark subscribers) through
/// the billing engine, exactly as `serve --demo` does.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo data set into the database (and benchmark subscribers with --bench-subscribers)."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("bench-subscribers"), help: "Add N subscribers user000000… / pass000000… on the Standard package.")
    var benchSubscribers: Int = 0

    mutating func validate() throws {
        guard (0...1_000_000).contains(benchSubscribers) else {
            throw ValidationError("--bench-subscribers must be 0...1000000")
        }
    }

    func run() throws {
        let configuration = try common.resolve()
        let engine = try EngineFactory.open(configuration: configuration)
        if try EngineFactory.loadDemoIfEmpty(into: engine) {
            print("loaded the demo data set into \(configuration.dataDirectory)")
        } else if DemoDataSet.find(in: engine) == nil {
            throw ValidationError("the database in \(configuration.dataDirectory) holds other data; the demo needs an empty one")
        } else {
            print("the demo data set is already loaded")
        }
        if benchSubscribers > 0 {
            let started = Date()
            let progress = ProgressLine(total: benchSubscribers, label: "bench subscribers")
            var added = 0
            let chunk = 10_000
            while added < benchSubscribers {
                let count = min(chunk, benchSubscribers - added)
                _ = try DemoDataSet.addBenchSubscribers(count, into: engine)
                added += count
                progress.update(added)
            }
            progress.finish()
            print("added \(benchSubscribers) bench subscribers in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        }
    }
}
