import ArgumentParser

/// The `uplink` command line: the server and the tools an operator expects around it.
@main
struct UplinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uplink",
        abstract: "RADIUS/AAA server and ISP billing core for MikroTik RouterOS networks.",
        version: UplinkVersion.string,
        subcommands: [
            ServeCommand.self, DemoCommand.self, MigrateCommand.self, BackupCommand.self, RadiusCommand.self,
            RouterOSCommand.self, BenchCommand.self, ReportCommand.self, PcapCommand.self, SniffCommand.self,
        ]
    )
}
