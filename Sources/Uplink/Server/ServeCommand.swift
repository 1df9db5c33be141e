import ArgumentParser
import Foundation
import Logging
import ServerRuntime

/// `uplink serve`: the RADIUS server (and admin API) from the billing state.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer RADIUS requests (auth 1812, accounting 1813) and serve the admin API."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Address to bind (repeatable; default: the config file's, 0.0.0.0 and ::).")
    var bind: [String] = []

    @Option(name: .customLong("auth-port"), help: "RADIUS authentication port (0 = any free port).")
    var authPort: Int?

    @Option(name: .customLong("acct-port"), help: "RADIUS accounting port (0 = any free port).")
    var acctPort: Int?

    @Option(name: .customLong("http-port"), help: "Admin HTTP API port (0 = any free port).")
    var httpPort: Int?

    @Flag(name: .long, help: "Load the demo data set into an empty database.")
    var demo = false

    @Flag(name: .customLong("ready-json"), help: "Print one JSON line with the bound ports on stdout when ready.")
    var readyJSON = false

    mutating func validate() throws {
        for (name, port) in [("--auth-port", authPort), ("--acct-port", acctPort), ("--http-port", httpPort)] {
            if let port, !(0...65535).contains(port) { throw ValidationError("\(name) must be 0...65535") }
        }
    }

    func run() async throws {
        var configuration = try common.resolve()
        if !bind.isEmpty { configuration.bindAddresses = bind }
        if let authPort { configuration.authPort = authPort }
        if let acctPort { configuration.accountingPort = acctPort }
        if let httpPort { configuration.httpPort = httpPort }
        LoggingBootstrap.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
        MetricsBootstrap.bootstrap()
        let logger = Logger(label: "uplink")
        logger.info("starting", metadata: ["version": "\(UplinkVersion.string)", "data": "\(configuration.dataDirectory)"])
        let server = UplinkServer(configuration: configuration, logger: logger)
        let announce = readyJSON
        try await server.run(demo: demo) { ready in
            guard announce else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            if let data = try? encoder.encode(ready) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        }
    }
}
