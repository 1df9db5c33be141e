import ArgumentParser

/// `uplink routeros …`: talk to a router's API. Without a subcommand name the arguments go to
/// `run` (`uplink routeros --router 10.0.0.1 --user api /ppp/active/print ?name=alice`), so later
/// subcommands (e.g. `fallback-script`) can sit beside it.
struct RouterOSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routeros",
        abstract: "Run RouterOS API commands against a router (diagnostics).",
        discussion: "Example: uplink routeros --router 10.0.0.1 --user api /ppp/active/print '?name=alice'",
        subcommands: [RouterOSRunCommand.self, RouterOSSyncCommand.self, RouterOSFallbackScriptCommand.self],
        defaultSubcommand: RouterOSRunCommand.self
    )
}
