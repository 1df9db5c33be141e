import ArgumentParser
import BillingCore
import ServerRuntime

/// `uplink routeros fallback-script --router NAME [--radius-address IP]`: prints the RouterOS
/// script (a Netwatch entry on the RADIUS server's address) that enables the mirrored secrets while
/// Uplink is unreachable and disables them when it is back. README "RADIUS fallback on the router"
/// explains installing it.
struct RouterOSFallbackScriptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fallback-script",
        abstract: "Print the RouterOS Netwatch script that enables mirrored secrets when RADIUS is down."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Router name as stored in Uplink.")
    var router: String

    @Option(help: """
        Address of the Uplink RADIUS server as the router reaches it (default: the configured \
        listen address, if it is one specific address).
        """)
    var radiusAddress: String?

    @Option(help: "Seconds between Netwatch probes.")
    var interval = 10

    func validate() throws {
        guard (1...3600).contains(interval) else { throw ValidationError("--interval must be 1...3600 seconds") }
    }

    func run() async throws {
        let configuration = try common.resolve()
        let nas = try RouterDirectory.require(configuration).requireNAS(named: router)
        let specific = configuration.bindAddresses.filter { $0 != "0.0.0.0" && $0 != "::" }
        guard let address = radiusAddress ?? specific.first else {
            throw ValidationError("give --radius-address: the server listens on every address, so the one the router uses is unknown")
        }
        guard address.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }), !address.isEmpty else {
            throw ValidationError("--radius-address must be an IPv4 or IPv6 address")
        }
        if nas.secretMirror != .mirror {
            print("# Note: router \(nas.name) is not in mirror mode; the script has nothing to enable until it is.")
        }
        print(FallbackScript.render(routerName: nas.name, radiusAddress: address, intervalSeconds: interval), terminator: "")
    }
}
