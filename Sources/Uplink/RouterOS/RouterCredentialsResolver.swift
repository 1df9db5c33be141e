import RouterOSAPI

/// A router named on the command line, resolved to where it listens and how to log in.
struct ResolvedRouter: Sendable {
    /// Address, port and TLS settings.
    var endpoint: RouterOSEndpoint
    /// Stored credentials, if the resolver knows them (command-line flags override them).
    var credentials: RouterOSCredentials?
}

/// Turns the `--router` value into a router: the seam where routers known to Uplink by NAME are
/// looked up in the database with their stored credentials. Resolvers are asked in order; the first
/// non-nil answer wins (see `RouterOSRunCommand.resolvers`).
protocol RouterCredentialsResolver: Sendable {
    /// The router called `name`, or nil if this resolver does not know it.
    func resolve(_ name: String, tls: RouterOSTLSConfiguration?) async throws -> ResolvedRouter?
}

/// Treats the value as `HOST[:PORT]`, without stored credentials. Always answers, so it goes last.
struct DirectAddressResolver: RouterCredentialsResolver {
    func resolve(_ name: String, tls: RouterOSTLSConfiguration?) async throws -> ResolvedRouter? {
        ResolvedRouter(endpoint: try RouterOSEndpoint.parse(name, tls: tls), credentials: nil)
    }
}
