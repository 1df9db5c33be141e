import Foundation
import Synchronization

/// The billing engine: the only way to change billing state. Every operation checks the actor
/// with `AccessPolicy`, plans a `ChangeSet` against the in-memory state, commits it through the
/// `BillingStore` in one transaction, and only then applies it to memory — so the RADIUS read
/// path (`decide`) never sees uncommitted state and never serves stale state after a commit
/// returns. Writers are serialised in-process; the store re-checks balance floors in its own
/// transaction. All methods are synchronous and thread-safe.
public final class BillingEngine: Sendable {
    public let store: any BillingStore
    let clock: any BillingClock
    let sealer: any SubscriberSecretSealer
    let ntHasher: any NTHasher
    let passwordHasher: any PasswordHasher
    let state: Mutex<EngineState>
    /// Serialises plan → commit → apply.
    /// Serialises writers; holds what the accounting writer keeps between batches.
    let writer = Mutex<LocalDayCache<ISPID>>(LocalDayCache())
    let eventSink: (@Sendable ([EnforcementEvent]) -> Void)?

    /// Opens the engine: migrates the store and loads its state into memory.
    /// - Parameter eventSink: called (under the writer lock, keep it short) with the enforcement
    ///   events of each commit, after they are durable in the outbox.
    public init(
        store: any BillingStore, clock: any BillingClock, sealer: any SubscriberSecretSealer,
        ntHasher: any NTHasher, passwordHasher: any PasswordHasher,
        eventSink: (@Sendable ([EnforcementEvent]) -> Void)? = nil
    ) throws {
        self.store = store
        self.clock = clock
        self.sealer = sealer
        self.ntHasher = ntHasher
        self.passwordHasher = passwordHasher
        self.eventSink = eventSink
        try store.migrate()
        state = Mutex(EngineState(snapshot: try store.loadSnapshot()))
    }

    /// The engine's current time (from the injected clock).
    public var now: Date { clock.now() }

    // MARK: Write path

    /// The result of a write that may be an idempotent replay.
    enum WriteOutcome<R: Sendable>: Sendable {
        case done(R)
        case replayed
    }

    /// Plans under the state lock, commits, then applies. `plan` may only mutate the state
    /// through `allocateID()`; everything else goes into the returned change set.
    func write<R: Sendable>(_ plan: (inout EngineState, Date) throws -> (ChangeSet, R)) throws -> WriteOutcome<R> {
        try writer.withLock { dayKeys throws -> WriteOutcome<R> in
            let now = clock.now()
            let (changes, result) = try state.withLock { state throws -> (ChangeSet, R) in
                try plan(&state, now)
            }
            if case .replayed = try store.commit(changes) { return .replayed }
            // A tenancy may have changed its time zone: accounting works its days out anew.
            if !changes.tenancies.isEmpty { dayKeys.removeAll() }
            state.withLock { $0.apply(changes) }
            if !changes.events.isEmpty { eventSink?(changes.events) }
            return .done(result)
        }
    }

    /// `write` for operations without an idempotency key.
    func perform<R: Sendable>(_ plan: (inout EngineState, Date) throws -> (ChangeSet, R)) throws -> R {
        switch try write(plan) {
        case .done(let result): return result
        case .replayed: throw BillingError(.conflict, "unexpected idempotent replay")
        }
    }

    /// Runs a read-only closure against the current state.
    func read<R>(_ body: (EngineState) throws -> R) rethrows -> R where R: Sendable {
        try state.withLock { state throws -> R in try body(state) }
    }

    // MARK: Helpers shared by the operation files

    /// Resolves and checks the acting account.
    static func actor(_ id: AccountID, in state: EngineState) throws -> Account {
        guard let account = state.accounts[id], !account.isDisabled else {
            throw BillingError.forbidden("unknown or disabled actor \(id)")
        }
        return account
    }

    static func policy(_ state: EngineState) -> AccessPolicy<EngineState> {
        AccessPolicy(directory: state)
    }

    /// Builds an audit record with JSON before/after images.
    static func audit(
        _ state: inout EngineState, at now: Date, actor: AccountID?, action: String, kind: String, id: Int64,
        tenancy: TenancyID? = nil, isp: ISPID? = nil, before: (some Encodable)?, after: (some Encodable)?
    ) -> AuditRecord {
        var beforeJSON: String?
        var afterJSON: String?
        if let before { beforeJSON = json(before) }
        if let after { afterJSON = json(after) }
        return AuditRecord(
            id: AuditID(state.allocateID()), at: now, actorID: actor, action: action, entityKind: kind,
            entityID: id, tenancyID: tenancy ?? isp.flatMap { state.isps[$0]?.tenancyID }, ispID: isp,
            before: beforeJSON, after: afterJSON)
    }

    static func json(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Placeholder for an absent audit image (`nil as NoImage?`).
struct NoImage: Encodable {}
