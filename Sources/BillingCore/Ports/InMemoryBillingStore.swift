import Foundation
import Synchronization

/// A `BillingStore` kept in memory: for unit tests of the engine and of layers above it (AAA,
/// HTTP) that need a working engine without SQLite. Same semantics as the SQLite adapter
/// (atomic commit, idempotency replay, balance floors), no durability.
public final class InMemoryBillingStore: BillingStore {
    private struct Contents {
        var snapshot = StoreSnapshot()
        var ledger: [LedgerTransaction] = []
        var keys: [String: LedgerTransactionID] = [:]
        var sales: [SaleID: Sale] = [:]
        var sessions: [SessionKey: AccountingSession] = [:]
        var usage: [String: UsageDay] = [:]
        var audit: [AuditRecord] = []
        var events: [EventID: EnforcementEvent] = [:]
        var subscribers: [SubscriberID: Subscriber] = [:]
    }

    private let contents = Mutex(Contents())

    public init() {}

    public func migrate() throws {}

    public func loadSnapshot() throws -> StoreSnapshot {
        contents.withLock { contents in
            var snapshot = contents.snapshot
            snapshot.subscribers = Array(contents.subscribers.values)
            snapshot.openSessions = contents.sessions.values.filter(\.isOpen)
            snapshot.invoices = snapshot.invoices
            var balances: [LedgerAccountRef: Int64] = [:]
            for transaction in contents.ledger {
                for entry in transaction.entries { balances[entry.account, default: 0] += entry.amount }
            }
            snapshot.balances = balances
            return snapshot
        }
    }

    public func commit(_ changes: ChangeSet) throws -> CommitResult {
        try contents.withLock { contents throws -> CommitResult in
            if let key = changes.idempotencyKey,
                contents.keys[key] != nil || contents.sales.values.contains(where: { $0.idempotencyKey == key })
            {
                return .replayed
            }
            for transaction in changes.ledgerTransactions {
                guard transaction.isBalanced else { throw BillingError(.unbalanced, "transaction does not balance") }
                guard contents.keys[transaction.idempotencyKey] == nil else {
                    throw BillingError.conflict("idempotency key reused")
                }
            }
            if !changes.balanceFloors.isEmpty {
                var balances: [LedgerAccountRef: Int64] = [:]
                for transaction in contents.ledger + changes.ledgerTransactions {
                    for entry in transaction.entries where changes.balanceFloors[entry.account] != nil {
                        balances[entry.account, default: 0] += entry.amount
                    }
                }
                for (account, floor) in changes.balanceFloors where balances[account, default: 0] < floor {
                    throw BillingError(.insufficientFunds, "\(account) would fall below its credit limit")
                }
            }
            Self.apply(changes, to: &contents)
            return .committed
        }
    }

    private static func apply(_ changes: ChangeSet, to contents: inout Contents) {
        func merge<T: Identifiable>(_ list: inout [T], _ updates: [T]) {
            for item in updates {
                if let index = list.firstIndex(where: { $0.id == item.id }) { list[index] = item } else { list.append(item) }
            }
        }
        merge(&contents.snapshot.tenancies, changes.tenancies)
        merge(&contents.snapshot.isps, changes.isps)
        merge(&contents.snapshot.accounts, changes.accounts)
        for label in changes.roleLabels {
            contents.snapshot.roleLabels.removeAll { $0.tenancyID == label.tenancyID }
            contents.snapshot.roleLabels.append(label)
        }
        merge(&contents.snapshot.nasDevices, changes.nasDevices)
        contents.snapshot.nasDevices.removeAll { changes.deletedNAS.contains($0.id) }
        merge(&contents.snapshot.olts, changes.olts)
        merge(&contents.snapshot.pools, changes.pools)
        contents.snapshot.pools.removeAll { changes.deletedPools.contains($0.id) }
        merge(&contents.snapshot.pppProfiles, changes.pppProfiles)
        merge(&contents.snapshot.gateways, changes.gateways)
        contents.snapshot.gateways.removeAll { changes.deletedGateways.contains($0.id) }
        merge(&contents.snapshot.packages, changes.packages)
        merge(&contents.snapshot.priceEntries, changes.priceEntries)
        merge(&contents.snapshot.plans, changes.plans)
        contents.snapshot.plans.removeAll { changes.deletedPlans.contains($0.id) }
        merge(&contents.snapshot.invoices, changes.invoices)
        for subscriber in changes.subscribers { contents.subscribers[subscriber.id] = subscriber }
        for id in changes.deletedSubscribers { contents.subscribers[id] = nil }
        for transaction in changes.ledgerTransactions {
            contents.ledger.append(transaction)
            contents.keys[transaction.idempotencyKey] = transaction.id
        }
        for sale in changes.sales { contents.sales[sale.id] = sale }
        for session in changes.sessions {
            contents.sessions[SessionKey(nasID: session.nasID, sessionID: session.sessionID)] = session
        }
        for day in changes.usage {
            let key = "\(day.subscriberID.rawValue)|\(day.day)"
            var row = contents.usage[key] ?? UsageDay(subscriberID: day.subscriberID, day: day.day, uploadBytes: 0,
                                                      downloadBytes: 0)
            row.uploadBytes = row.uploadBytes.saturatingAdd(day.uploadBytes)
            row.downloadBytes = row.downloadBytes.saturatingAdd(day.downloadBytes)
            contents.usage[key] = row
        }
        contents.audit += changes.audit
        for event in changes.events { contents.events[event.id] = event }
        let ids = [contents.snapshot.maxID] + changes.tenancies.map(\.id.rawValue) + changes.isps.map(\.id.rawValue)
            + changes.accounts.map(\.id.rawValue) + changes.subscribers.map(\.id.rawValue)
            + changes.ledgerTransactions.map(\.id.rawValue) + changes.audit.map(\.id.rawValue)
            + changes.events.map(\.id.rawValue) + changes.packages.map(\.id.rawValue)
            + changes.nasDevices.map(\.id.rawValue) + changes.sales.map(\.id.rawValue)
            + changes.invoices.map(\.id.rawValue) + changes.priceEntries.map(\.id.rawValue)
            + changes.plans.map(\.id.rawValue) + changes.gateways.map(\.id.rawValue)
            + changes.olts.map(\.id.rawValue) + changes.pools.map(\.id.rawValue) + changes.pppProfiles.map(\.id.rawValue)
        contents.snapshot.maxID = ids.max() ?? contents.snapshot.maxID
    }

    public func ledgerTransaction(idempotencyKey: String) throws -> LedgerTransaction? {
        contents.withLock { contents in
            contents.keys[idempotencyKey].flatMap { id in contents.ledger.first { $0.id == id } }
        }
    }

    public func ledgerTransaction(id: LedgerTransactionID) throws -> LedgerTransaction? {
        contents.withLock { $0.ledger.first { $0.id == id } }
    }

    public func ledgerTransactions(touching account: LedgerAccountRef?, from: Date?, to: Date?) throws
        -> [LedgerTransaction]
    {
        contents.withLock { contents in
            contents.ledger.filter { transaction in
                (account == nil || transaction.entries.contains { $0.account == account })
                    && (from.map { transaction.postedAt >= $0 } ?? true) && (to.map { transaction.postedAt < $0 } ?? true)
            }
        }
    }

    public func ledgerBalance(of account: LedgerAccountRef, before: Date?) throws -> Int64 {
        try ledgerTransactions(touching: account, from: nil, to: before).reduce(0) { $0 + $1.amount(for: account) }
    }

    public func sales(subscriberID: SubscriberID) throws -> [Sale] {
        contents.withLock { $0.sales.values.filter { $0.subscriberID == subscriberID }.sorted { $0.id > $1.id } }
    }

    public func sale(id: SaleID) throws -> Sale? { contents.withLock { $0.sales[id] } }

    public func sale(idempotencyKey: String) throws -> Sale? {
        contents.withLock { $0.sales.values.first { $0.idempotencyKey == idempotencyKey } }
    }

    public func sessions(keys: [SessionKey]) throws -> [SessionKey: AccountingSession] {
        contents.withLock { contents in
            var found: [SessionKey: AccountingSession] = [:]
            for key in keys { found[key] = contents.sessions[key] }
            return found
        }
    }

    public func sessions(_ query: SessionQuery) throws -> [AccountingSession] {
        contents.withLock { contents in
            let matching = contents.sessions.values.filter { session in
                (query.subscriberIDs.map { ids in session.subscriberID.map(ids.contains) ?? false } ?? true)
                    && (query.ispIDs?.contains(session.ispID) ?? true) && (query.nasID.map { $0 == session.nasID } ?? true)
                    && (query.username.map { $0 == session.username } ?? true)
                    && (query.startedFrom.map { session.startedAt >= $0 } ?? true)
                    && (query.startedBefore.map { session.startedAt < $0 } ?? true) && (!query.openOnly || session.isOpen)
            }
            return Array(matching.sorted { $0.startedAt > $1.startedAt }.prefix(query.limit))
        }
    }

    public func usage(_ query: UsageQuery) throws -> [UsageDay] {
        contents.withLock { contents in
            contents.usage.values.filter { row in
                (query.subscriberIDs?.contains(row.subscriberID) ?? true) && (query.fromDay.map { row.day >= $0 } ?? true)
                    && (query.toDay.map { row.day <= $0 } ?? true)
            }.sorted { ($0.day, $0.subscriberID) < ($1.day, $1.subscriberID) }
        }
    }

    public func auditRecords(_ query: AuditQuery) throws -> [AuditRecord] {
        contents.withLock { contents in
            Array(contents.audit.reversed().filter { record in
                (query.entityKind.map { $0 == record.entityKind } ?? true)
                    && (query.entityID.map { $0 == record.entityID } ?? true)
                    && (query.tenancyID.map { $0 == record.tenancyID } ?? true) && (query.ispID.map { $0 == record.ispID } ?? true)
            }.prefix(query.limit))
        }
    }

    public func pendingEvents(limit: Int) throws -> [EnforcementEvent] {
        contents.withLock { Array($0.events.values.filter { $0.outcome == nil }.sorted { $0.id < $1.id }.prefix(limit)) }
    }

    public func completeEvent(_ id: EventID, outcome: EnforcementOutcome, at: Date) throws {
        contents.withLock { contents in
            contents.events[id]?.outcome = outcome
            contents.events[id]?.completedAt = at
        }
    }

    public func backup(to path: String) throws {
        throw BillingError(.storage, "the in-memory store cannot be backed up")
    }
}
