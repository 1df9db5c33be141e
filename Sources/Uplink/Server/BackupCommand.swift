import ArgumentParser
import BillingStoreSQLite
import Foundation
import ServerRuntime

/// `uplink backup --to FILE`: a consistent online copy of the database, safe while the server runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database consistently to FILE while the server keeps running."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Destination file (must not exist).")
    var to: String

    func run() throws {
        let configuration = try common.resolve()
        guard !FileManager.default.fileExists(atPath: to) else {
            throw ValidationError("\(to) exists; choose a new file")
        }
        let source = configuration.dataDirectory + "/" + SQLiteBillingStore.fileName
        guard FileManager.default.fileExists(atPath: source) else {
            throw ValidationError("no database at \(source)")
        }
        let store = try SQLiteBillingStore(directory: configuration.dataDirectory)
        try store.backup(to: to)
        print("backed up \(source) to \(to)")
        print("keep \(configuration.dataDirectory)/secret.key with it: subscriber passwords are sealed with that key")
    }
}
