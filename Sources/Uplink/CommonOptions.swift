import ArgumentParser
import ServerRuntime

/// The options every command that touches the database shares, so `uplink report` finds the
/// database exactly as `uplink serve` does.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default conf/uplink.toml; missing default is fine).")
    var config: String?

    @Option(name: .long, help: "Data directory holding uplink.sqlite (overrides the config file).")
    var data: String?

    /// The configuration from the file, with these flags applied on top.
    func resolve() throws -> UplinkConfiguration {
        var configuration: UplinkConfiguration
        do {
            configuration = try UplinkConfiguration.load(path: config ?? "conf/uplink.toml", required: config != nil)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        if let data { configuration.dataDirectory = data }
        return configuration
    }
}
