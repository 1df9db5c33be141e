import BillingCore
import BillingStoreSQLite
import Foundation

/// Opens the billing engine on the SQLite database of a data directory, the same way for
/// `serve`, `demo`, `migrate`, `backup` and `report`, with the runtime's ports wired in.
public enum EngineFactory {
    /// Creates the data directory if needed, opens (and migrates) the database, and loads the
    /// engine's state. `uplink serve` passes a `commitObserver` so the expiry timer and the secret
    /// mirror react to every commit (the store is then wrapped in a `CommitObservingStore`).
    public static func open(
        configuration: UplinkConfiguration, passwordHashCost: UInt8 = 10,
        eventSink: (@Sendable ([EnforcementEvent]) -> Void)? = nil,
        commitObserver: (@Sendable (CommitObservingStore.Change) -> Void)? = nil
    ) throws -> BillingEngine {
        return try open(configuration: configuration, store: try openStore(configuration), passwordHashCost: passwordHashCost,
                        eventSink: eventSink, commitObserver: commitObserver)
    }

    /// Opens (creating if needed) the database of `configuration`: its data directory and durability.
    public static func openStore(_ configuration: UplinkConfiguration) throws -> SQLiteBillingStore {
        try SQLiteBillingStore(directory: configuration.dataDirectory, durability: configuration.durability)
    }

    /// Opens the engine on an already opened SQLite store (the server keeps the store for the
    /// admin API's own tables). Ledger postings are counted for `/metrics` (`LedgerMetricsStore`).
    public static func open(
        configuration: UplinkConfiguration, store sqlite: SQLiteBillingStore, passwordHashCost: UInt8 = 10,
        eventSink: (@Sendable ([EnforcementEvent]) -> Void)? = nil,
        commitObserver: (@Sendable (CommitObservingStore.Change) -> Void)? = nil
    ) throws -> BillingEngine {
        let metered = LedgerMetricsStore(sqlite)
        let store: any BillingStore = commitObserver.map { CommitObservingStore(metered, observer: $0) } ?? metered
        let key = try SecretKeyFile.resolve(configuration: configuration)
        return try BillingEngine(
            store: store, clock: SystemBillingClock(), sealer: try AESGCMSecretSealer(key: key),
            ntHasher: NTPasswordHasher(), passwordHasher: BcryptPasswordHasher(cost: passwordHashCost),
            eventSink: eventSink)
    }

    /// Loads the demo data set into an empty database; returns false when it is already there
    /// or the database holds other data.
    @discardableResult
    public static func loadDemoIfEmpty(into engine: BillingEngine) throws -> Bool {
        guard DemoDataSet.find(in: engine) == nil, engine.isEmpty else { return false }
        _ = try DemoDataSet.build(into: engine)
        return true
    }
}
