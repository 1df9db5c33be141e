import Synchronization
import Foundation

/// Accounting: the batch API the RADIUS server calls once per group commit, and the reaper.
extension BillingEngine {
    /// Applies a batch of accounting records in ONE store transaction and updates the in-memory
    /// sessions and quota state in the same step. When it returns, everything is durable and the
    /// RADIUS server may send the Accounting-Responses. Retransmits and replays are idempotent.
    @discardableResult
    public func applyAccounting(_ records: [AccountingRecord]) throws -> AccountingBatchResult {
        guard !records.isEmpty else { return AccountingBatchResult() }
        return try writer.withLock { dayKeys throws -> AccountingBatchResult in
            let now = clock.now()
            let unknownKeys = state.withLock { state in
                Set(records.filter { $0.status != .accountingOn && $0.status != .accountingOff }
                    .map { SessionKey(nasID: $0.nasID, sessionID: $0.sessionID) }
                    .filter { state.openSessions[$0] == nil })
            }
            let known = unknownKeys.isEmpty ? [:] : try store.sessions(keys: Array(unknownKeys))
            let (changes, result) = state.withLock { state in
                var processor = AccountingProcessor(known: known, dayKeys: dayKeys)
                for record in records { processor.process(record, state: &state) }
                let finished = processor.finish(state: &state, now: now)
                dayKeys = processor.dayKeys
                return finished
            }
            _ = try store.commit(changes)
            state.withLock { $0.apply(changes) }
            if !changes.events.isEmpty { eventSink?(changes.events) }
            return result
        }
    }

    /// Closes (never deletes) open sessions without an update for `multiple` × their interim
    /// interval (package interval, else `defaultInterval` seconds), keeping their usage. Returns
    /// how many were closed.
    @discardableResult
    public func reapStaleSessions(multiple: Double = 3, defaultInterval: TimeInterval = 300) throws -> Int {
        try perform { state, now in
            var changes = ChangeSet()
            for session in state.openSessions.values {
                let interval = session.subscriberID.flatMap { state.subscribers[$0] }
                    .flatMap { state.packages[$0.packageID]?.interimInterval }.map(TimeInterval.init) ?? defaultInterval
                guard session.updatedAt.addingTimeInterval(interval * multiple) < now else { continue }
                var closed = session
                closed.stoppedAt = session.updatedAt
                closed.closeReason = .reaped
                changes.sessions.append(closed)
            }
            return (changes, changes.sessions.count)
        }
    }

    /// Number of open sessions (all NAS).
    public var openSessionCount: Int { read { $0.openSessions.count } }

    /// Sessions for reports and the API, limited to what the actor may see.
    public func sessions(_ query: SessionQuery, by actorID: AccountID) throws -> [AccountingSession] {
        let scope = read { state in state.accounts[actorID].map { Self.policy(state).accessibleCustomers($0) } }
        var scoped = query
        switch scope ?? .none {
        case .all: break
        case .isps(let isps): scoped.ispIDs = query.ispIDs.map { $0.intersection(isps) } ?? isps
        case .owners, .subscriber:
            let visible = Set(read { state in
                state.subscribers.values.filter { (scope ?? .none).contains($0) }.map(\.id) })
            scoped.subscriberIDs = query.subscriberIDs.map { $0.intersection(visible) } ?? visible
        case .none: return []
        }
        return try store.sessions(scoped)
    }

    /// Per-day usage of subscribers the actor may see.
    public func usage(_ query: UsageQuery, by actorID: AccountID) throws -> [UsageDay] {
        let visible: Set<SubscriberID> = read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let scope = Self.policy(state).accessibleCustomers(actor)
            return Set(state.subscribers.values.filter { scope.contains($0) }.map(\.id))
        }
        var scoped = query
        scoped.subscriberIDs = query.subscriberIDs.map { $0.intersection(visible) } ?? visible
        return try store.usage(scoped)
    }
}
