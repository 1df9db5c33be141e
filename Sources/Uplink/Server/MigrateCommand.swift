import ArgumentParser
import BillingStoreSQLite
import Foundation
import ServerRuntime

/// `uplink migrate`: brings the database schema up to date (the server also does this at start).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations and list the applied ones."
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let configuration = try common.resolve()
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = try SQLiteBillingStore(directory: configuration.dataDirectory)
        try store.migrate()
        for name in try store.appliedMigrations() { print(name) }
    }
}
