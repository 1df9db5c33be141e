import Foundation

/// Selling and renewing packages: the subscriber's period is extended and, in the same
/// transaction, the seller's wallet is debited at its cost and every level above books its margin.
extension BillingEngine {
    /// Activates or renews a subscriber for one validity of `package` (default: its current
    /// package), sold by the subscriber's owner at the owner's customer price. The period extends
    /// from the current expiry while still paid, else from now. Replaying `idempotencyKey`
    /// returns the first receipt and changes nothing.
    @discardableResult
    public func renew(
        _ subscriberID: SubscriberID, package newPackageID: PackageID? = nil, idempotencyKey: String,
        by actorID: AccountID
    ) throws -> SaleReceipt {
        if let receipt = try replayedSale(idempotencyKey) { return receipt }
        let outcome = try write { state, now -> (ChangeSet, SaleReceipt) in
            try Self.require(.receivePayment, on: .subscriber(subscriberID), actorID, state)
            guard let before = state.subscribers[subscriberID], let isp = state.isps[before.ispID],
                let tenancy = state.tenancies[isp.tenancyID]
            else { throw BillingError.notFound("subscriber") }
            guard before.status != .disabled else { throw BillingError(.invalidState, "subscriber is disabled") }
            let packageID = newPackageID ?? before.packageID
            guard let package = state.packages[packageID], package.ispID == isp.id, !package.isArchived else {
                throw BillingError.invalid("not an active package of this ISP")
            }
            try Self.checkPlanLimits(isp: isp, adding: 0, state: state)
            let levels = try Self.saleLevels(state, seller: before.ownerID, package: packageID, at: now)
            let calendar = state.calendars[tenancy.id] ?? BillingCalendar(timeZone: tenancy.timeZone)
            var after = before
            let stillPaid = (before.expiresAt.map { $0 > now } ?? false) && packageID == before.packageID
            let start = stillPaid ? (before.expiresAt ?? now) : now
            if !stillPaid { after.anchorDay = calendar.dayOfMonth(now) }
            after.packageID = packageID
            after.expiresAt = calendar.end(of: package.validity, startingAt: start, anchorDay: after.anchorDay)
            if before.status != .suspended { after.status = .active }
            if let quota = package.quota, !stillPaid || quota.reset == .perValidity || before.quotaPeriodStart == nil {
                after.quotaUsed = 0
                after.quotaPeriodStart = calendar.quotaPeriodStart(quota.reset, containing: now, activatedAt: now)
            }
            after.updatedAt = now
            var changes = ChangeSet(idempotencyKey: idempotencyKey)
            let transaction = try Self.saleTransaction(&state, levels: levels, tenancy: tenancy, key: idempotencyKey,
                                                       actor: actorID, now: now, memo: "\(package.name) for \(before.username)",
                                                       changes: &changes)
            let sale = Sale(
                id: SaleID(state.allocateID()), idempotencyKey: idempotencyKey, subscriberID: subscriberID,
                packageID: packageID, sellerID: before.ownerID,
                kind: before.status == .new || !(before.expiresAt.map { $0 > now } ?? false) ? .activation : .renewal,
                soldAt: now, currency: tenancy.currency, retailPrice: levels.first?.price ?? 0, levels: levels,
                periodStart: start, periodEnd: after.expiresAt ?? start, transactionID: transaction?.id,
                refundTransactionID: nil)
            changes.sales = [sale]
            changes.subscribers = [after]
            changes.audit.append(Self.audit(&state, at: now, actor: actorID, action: "subscriber.renew",
                                            kind: "subscriber", id: subscriberID.rawValue, isp: isp.id,
                                            before: before.view, after: after.view))
            if let event = Self.enforcement(&state, before: before, after: after, trigger: .renewed, now: now) {
                changes.events = [event]
            }
            return (changes, SaleReceipt(sale: sale, transaction: transaction, subscriber: after.view, replayed: false))
        }
        switch outcome {
        case .done(let receipt): return receipt
        case .replayed:
            guard let receipt = try replayedSale(idempotencyKey) else {
                throw BillingError.conflict("idempotency key used by a different operation")
            }
            return receipt
        }
    }

    /// Refunds a sale: a new transaction reversing its entries; the subscriber's period is cut
    /// back if this sale's period is still its last one.
    @discardableResult
    public func refundSale(_ saleID: SaleID, idempotencyKey: String, by actorID: AccountID) throws -> LedgerTransaction? {
        if let existing = try store.ledgerTransaction(idempotencyKey: idempotencyKey) { return existing }
        guard var sale = try store.sale(id: saleID) else { throw BillingError.notFound("sale") }
        guard sale.refundTransactionID == nil else { throw BillingError(.invalidState, "sale already refunded") }
        let original = try sale.transactionID.flatMap { try store.ledgerTransaction(id: $0) }
        let outcome = try write { state, now -> (ChangeSet, LedgerTransaction?) in
            guard let subscriber = state.subscribers[sale.subscriberID] else { throw BillingError.notFound("subscriber") }
            try Self.require(.manageMoney, on: .isp(subscriber.ispID), actorID, state)
            var changes = ChangeSet(idempotencyKey: idempotencyKey)
            var reversal: LedgerTransaction?
            if let original {
                let refund = LedgerTransaction(
                    id: LedgerTransactionID(state.allocateID()), idempotencyKey: idempotencyKey, kind: .refund,
                    currency: original.currency, postedAt: now, actorID: actorID, memo: "refund of sale \(sale.id)",
                    entries: original.entries.map { LedgerEntry($0.account, -$0.amount) }, reversesID: original.id)
                changes.ledgerTransactions = [refund]
                Self.addFloors(for: refund, state: state, to: &changes)
                reversal = refund
                sale.refundTransactionID = refund.id
            }
            changes.sales = [sale]
            if subscriber.expiresAt == sale.periodEnd {
                var after = subscriber
                after.expiresAt = sale.periodStart
                if after.status == .active || after.status == .overQuota {
                    after.status = Self.runningStatus(after, now: now)
                }
                after.updatedAt = now
                changes.subscribers = [after]
                changes.audit.append(Self.audit(&state, at: now, actor: actorID, action: "subscriber.refund",
                                                kind: "subscriber", id: after.id.rawValue, isp: after.ispID,
                                                before: subscriber.view, after: after.view))
                if let event = Self.enforcement(&state, before: subscriber, after: after, trigger: .expired, now: now) {
                    changes.events = [event]
                }
            }
            return (changes, reversal)
        }
        switch outcome {
        case .done(let transaction): return transaction
        case .replayed: return try store.ledgerTransaction(idempotencyKey: idempotencyKey)
        }
    }

    /// Sales of a subscriber the actor may see, newest first.
    public func sales(of subscriberID: SubscriberID, by actorID: AccountID) throws -> [Sale] {
        guard subscriber(subscriberID, by: actorID) != nil else { return [] }
        return try store.sales(subscriberID: subscriberID)
    }

    // MARK: Planning

    private func replayedSale(_ key: String) throws -> SaleReceipt? {
        guard let sale = try store.sale(idempotencyKey: key) else { return nil }
        let transaction = try store.ledgerTransaction(idempotencyKey: key)
        let view = read { $0.subscribers[sale.subscriberID]?.view }
        return SaleReceipt(sale: sale, transaction: transaction, subscriber: view, replayed: true)
    }

    /// The levels of a sale from the seller up to the Admin, with the prices in force.
    static func saleLevels(_ state: EngineState, seller sellerID: AccountID, package: PackageID, at now: Date) throws
        -> [SaleLevel]
    {
        guard let seller = state.accounts[sellerID], let isp = seller.ispID.flatMap({ state.isps[$0] }) else {
            throw BillingError.notFound("seller")
        }
        var chain: [Account] = [seller]
        if seller.role == .subOperator, let parent = seller.parentID.flatMap({ state.accounts[$0] }) { chain.append(parent) }
        if seller.role != .admin, let admin = state.accounts[isp.adminID] { chain.append(admin) }
        var levels: [SaleLevel] = []
        var sellingPrice: Int64
        if let retail = price(state, package: package, buyer: .customersOf(sellerID), at: now) {
            sellingPrice = retail
        } else if seller.role == .admin {
            sellingPrice = 0
        } else {
            throw BillingError(.noPrice, "no customer price for this package from \(seller.email)")
        }
        for account in chain {
            let cost: Int64
            if account.role == .admin {
                cost = 0
            } else if let defined = price(state, package: package, buyer: .seller(account.id), at: now) {
                cost = defined
            } else {
                throw BillingError(.noPrice, "no cost price for \(account.email)")
            }
            levels.append(SaleLevel(accountID: account.id, role: account.role, cost: cost, price: sellingPrice))
            sellingPrice = cost
        }
        return levels
    }

    /// The balanced transaction of a sale: seller wallet −cost, each upper level's income +margin,
    /// and the customer's payment split into the seller's cash (cost recovery) and income (margin).
    static func saleTransaction(
        _ state: inout EngineState, levels: [SaleLevel], tenancy: Tenancy, key: String, actor: AccountID, now: Date,
        memo: String, changes: inout ChangeSet
    ) throws -> LedgerTransaction? {
        guard let sellerLevel = levels.first else { return nil }
        var entries: [LedgerEntry] = []
        func add(_ account: LedgerAccountRef, _ amount: Int64) {
            if amount != 0 { entries.append(LedgerEntry(account, amount)) }
        }
        add(.external(tenancy.id), -sellerLevel.price)
        add(.cash(sellerLevel.accountID), sellerLevel.cost)
        add(.income(sellerLevel.accountID), sellerLevel.margin)
        add(.wallet(sellerLevel.accountID), -sellerLevel.cost)
        for level in levels.dropFirst() { add(.income(level.accountID), level.margin) }
        guard !entries.isEmpty else { return nil }
        let transaction = LedgerTransaction(
            id: LedgerTransactionID(state.allocateID()), idempotencyKey: key, kind: .sale, currency: tenancy.currency,
            postedAt: now, actorID: actor, memo: memo, entries: entries, reversesID: nil)
        guard transaction.isBalanced else { throw BillingError(.unbalanced, "sale does not balance") }
        addFloors(for: transaction, state: state, to: &changes)
        try checkFloors(changes.balanceFloors, adding: transaction, state: state)
        changes.ledgerTransactions.append(transaction)
        return transaction
    }

    /// Every wallet a transaction debits must stay at or above minus its credit limit.
    static func addFloors(for transaction: LedgerTransaction, state: EngineState, to changes: inout ChangeSet) {
        for entry in transaction.entries where entry.amount < 0 {
            if case .wallet(let id) = entry.account {
                changes.balanceFloors[entry.account] = -(state.accounts[id]?.creditLimit ?? 0)
            }
        }
    }

    static func checkFloors(_ floors: [LedgerAccountRef: Int64], adding transaction: LedgerTransaction,
                            state: EngineState) throws {
        for (account, floor) in floors where state.balance(account) + transaction.amount(for: account) < floor {
            throw BillingError(.insufficientFunds, "\(account) would fall below its credit limit")
        }
    }
}
