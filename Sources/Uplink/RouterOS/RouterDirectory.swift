import ArgumentParser
import BillingCore
import BillingStoreSQLite
import Foundation
import RouterOSAPI
import ServerRuntime

/// The routers (NAS devices) Uplink knows, read from the database of `--data`/`--config` the same
/// way `uplink serve` opens it. Commands that name a router use it; it never creates a database.
struct RouterDirectory {
    let engine: BillingEngine

    /// Opens the engine, or returns nil when the data directory has no database yet.
    static func open(_ configuration: UplinkConfiguration) throws -> RouterDirectory? {
        let path = (configuration.dataDirectory as NSString).appendingPathComponent(SQLiteBillingStore.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return RouterDirectory(engine: try EngineFactory.open(configuration: configuration))
    }

    /// Opens the engine or fails with a message naming the data directory.
    static func require(_ configuration: UplinkConfiguration) throws -> RouterDirectory {
        guard let directory = try open(configuration) else {
            throw ValidationError("no database in \(configuration.dataDirectory) (use --data or --config)")
        }
        return directory
    }

    /// The NAS called `name` (exact match). Nil when none; an error when several ISPs use the name.
    func nas(named name: String) throws -> NASDevice? {
        let matches = engine.radiusClients().filter { $0.name == name }
        guard matches.count <= 1 else {
            throw ValidationError("\(matches.count) routers are called \(name); rename one to tell them apart")
        }
        return matches.first
    }

    /// The NAS called `name`, or a validation error.
    func requireNAS(named name: String) throws -> NASDevice {
        guard let nas = try nas(named: name) else { throw ValidationError("no router called \(name) in the database") }
        return nas
    }
}

/// Resolves `--router NAME` from the database: the NAS's RouterOS endpoint and stored API user and
/// password. Answers nil for names it does not know (and when there is no database), so the
/// address resolver after it can treat the value as HOST[:PORT].
struct DatabaseRouterResolver: RouterCredentialsResolver {
    let configuration: UplinkConfiguration

    func resolve(_ name: String, tls: RouterOSTLSConfiguration?) async throws -> ResolvedRouter? {
        // An IP literal (with or without a port) is an address, not a name: skip the database.
        if let endpoint = try? RouterOSAPI.RouterOSEndpoint.parse(name), IPNetwork(endpoint.host) != nil { return nil }
        guard let directory = try RouterDirectory.open(configuration), let nas = try directory.nas(named: name) else {
            return nil
        }
        return try Self.router(for: nas, tls: tls)
    }

    /// The endpoint and credentials of a NAS record (TLS with the record's pin, if it has one);
    /// `tls` (from the command line) overrides the record's TLS setting when given.
    static func router(for nas: NASDevice, tls: RouterOSTLSConfiguration?) throws -> ResolvedRouter {
        guard let stored = nas.routerOS else {
            throw ValidationError("router \(nas.name) has no RouterOS API endpoint configured")
        }
        var endpoint = RouterOSClientRegistry.endpoint(stored)  // the record's TLS pin, as `uplink serve` uses it
        // A bare `--tls` asks for TLS; it keeps the record's pin rather than replacing it.
        if let tls, !(tls == .verified && endpoint.tls != nil) { endpoint.tls = tls }
        let credentials = nas.secrets.routerOSPassword.map {
            RouterOSCredentials(user: stored.username, password: $0)
        }
        return ResolvedRouter(endpoint: endpoint, credentials: credentials)
    }
}
