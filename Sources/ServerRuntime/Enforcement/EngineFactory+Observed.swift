import BillingCore
import BillingStoreSQLite
import Foundation

extension EngineFactory {
    /// `open(configuration:eventSink:)` with the store wrapped in a `CommitObservingStore`, for
    /// `uplink serve`, where the expiry timer and the secret mirror react to every commit.
    public static func open(
        configuration: UplinkConfiguration, passwordHashCost: UInt8 = 10,
        eventSink: (@Sendable ([EnforcementEvent]) -> Void)? = nil,
        commitObserver: @escaping @Sendable (CommitObservingStore.Change) -> Void
    ) throws -> BillingEngine {
        try FileManager.default.createDirectory(
            atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = CommitObservingStore(
            try SQLiteBillingStore(directory: configuration.dataDirectory), observer: commitObserver)
        let key = try SecretKeyFile.resolve(configuration: configuration)
        return try BillingEngine(
            store: store, clock: SystemBillingClock(), sealer: try AESGCMSecretSealer(key: key),
            ntHasher: NTPasswordHasher(), passwordHasher: BcryptPasswordHasher(cost: passwordHashCost),
            eventSink: eventSink)
    }
}
