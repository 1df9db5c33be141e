import Foundation

/// Wallet funding, credit limits, reversals, balances and statements.
extension BillingEngine {
    /// Credits a seller's wallet with a payment captured by a gateway. The key is the gateway's
    /// own transaction id, so however many times the webhook is delivered the wallet is credited
    /// once; replays return the first transaction.
    @discardableResult
    public func creditGatewayPayment(
        gateway gatewayID: GatewayID, gatewayTransactionID: String, to accountID: AccountID, amount: Int64
    ) throws -> LedgerTransaction {
        let key = "gateway:\(gatewayID.rawValue):\(gatewayTransactionID)"
        return try post(key: key) { state, now in
            guard Money.isValid(amount) else { throw BillingError.invalid("amount must be 1…10^15 minor units") }
            guard let gateway = state.gateways[gatewayID], gateway.kind == .payment, gateway.isEnabled else {
                throw BillingError.notFound("payment gateway")
            }
            guard let account = state.accounts[accountID], account.role == .operator || account.role == .subOperator,
                let tenancy = account.tenancyID.flatMap({ state.tenancies[$0] })
            else { throw BillingError.invalid("wallets belong to Operators and Sub-Operators") }
            let owned: Bool = switch gateway.owner {
            case .isp(let ispID): ispID == account.ispID
            case .tenancy(let tenancyID): tenancyID == account.tenancyID
            case .developer: true
            }
            guard owned else { throw BillingError.forbidden("gateway does not serve this account") }
            return (tenancy.currency, .gatewayPayment, nil, "payment \(gatewayTransactionID) via \(gateway.name)",
                    [LedgerEntry(.external(tenancy.id), -amount), LedgerEntry(.wallet(accountID), amount)])
        }
    }

    /// Tops up a seller's wallet by the level above: the Admin (or above) for Operators and
    /// Sub-Operators, an Operator for its own Sub-Operators. From `parentWallet` the parent's
    /// wallet is debited under its own credit limit.
    @discardableResult
    public func topUp(
        wallet accountID: AccountID, amount: Int64, source: TopUpSource, idempotencyKey: String, by actorID: AccountID
    ) throws -> LedgerTransaction {
        try post(key: idempotencyKey, actor: actorID) { state, _ in
            guard Money.isValid(amount) else { throw BillingError.invalid("amount must be 1…10^15 minor units") }
            let actor = try Self.actor(actorID, in: state)
            guard let target = state.accounts[accountID], target.role == .operator || target.role == .subOperator,
                let tenancy = target.tenancyID.flatMap({ state.tenancies[$0] })
            else { throw BillingError.invalid("wallets belong to Operators and Sub-Operators") }
            guard Self.policy(state).can(actor, .manageMoney, on: .account(accountID)) else {
                throw BillingError.forbidden("only the level above funds this wallet")
            }
            let from: LedgerAccountRef
            switch source {
            case .cashReceived: from = .external(tenancy.id)
            case .parentWallet:
                guard actor.role == .operator || actor.role == .subOperator else {
                    throw BillingError.invalid("only a seller with a wallet can top up from it")
                }
                from = .wallet(actorID)
            }
            return (tenancy.currency, .topUp, nil, "top-up by \(actor.email)",
                    [LedgerEntry(from, -amount), LedgerEntry(.wallet(accountID), amount)])
        }
    }

    /// Sets how far below zero a wallet may go (manageMoney on the account).
    public func setCreditLimit(_ limit: Int64, for accountID: AccountID, by actorID: AccountID) throws {
        guard Money.isValid(limit, positive: false) else { throw BillingError.invalid("credit limit must be 0…10^15") }
        try perform { state, now in
            try Self.require(.manageMoney, on: .account(accountID), actorID, state)
            guard let before = state.accounts[accountID], actorID != accountID else {
                throw BillingError.forbidden("cannot change this credit limit")
            }
            var after = before
            after.creditLimit = limit
            var changes = ChangeSet()
            changes.accounts = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "account.credit_limit",
                                        kind: "account", id: accountID.rawValue, tenancy: after.tenancyID,
                                        isp: after.ispID, before: before.view, after: after.view)]
            return (changes, ())
        }
    }

    /// Reverses any transaction with a new one (negated entries). Wallets it debits keep their
    /// credit limits.
    @discardableResult
    public func reverse(_ transactionID: LedgerTransactionID, idempotencyKey: String, memo: String,
                        by actorID: AccountID) throws -> LedgerTransaction {
        guard let original = try store.ledgerTransaction(id: transactionID) else {
            throw BillingError.notFound("transaction")
        }
        return try post(key: idempotencyKey, actor: actorID) { state, _ in
            let actor = try Self.actor(actorID, in: state)
            let touched = Self.accountsTouched(by: original)
            guard !touched.isEmpty, touched.allSatisfy({ Self.policy(state).can(actor, .manageMoney, on: .account($0)) })
            else { throw BillingError.forbidden("cannot reverse this transaction") }
            return (original.currency, .reversal, original.id, memo,
                    original.entries.map { LedgerEntry($0.account, -$0.amount) })
        }
    }

    /// The derived balance of a ledger account, if the actor may view its money.
    public func balance(of account: LedgerAccountRef, by actorID: AccountID) throws -> Int64 {
        try read { state in
            try Self.requireMoneyView(account, actorID, state)
            return state.balance(account)
        }
    }

    /// The statement of an account for `[from, to)`.
    public func statement(of account: LedgerAccountRef, from: Date, to: Date, by actorID: AccountID) throws -> Statement {
        let currency = try read { state -> String in
            try Self.requireMoneyView(account, actorID, state)
            return Self.currency(of: account, state) ?? "XXX"
        }
        let opening = try store.ledgerBalance(of: account, before: from)
        var running = opening
        var lines: [StatementLine] = []
        for transaction in try store.ledgerTransactions(touching: account, from: from, to: to) {
            let amount = transaction.amount(for: account)
            running += amount
            lines.append(StatementLine(transactionID: transaction.id, postedAt: transaction.postedAt,
                                       kind: transaction.kind, memo: transaction.memo, amount: amount, balance: running))
        }
        return Statement(account: account, currency: currency, from: from, to: to, opening: opening, lines: lines,
                         closing: running)
    }

    /// Transactions touching an account in `[from, to)`, if the actor may view its money.
    public func ledgerTransactions(of account: LedgerAccountRef, from: Date? = nil, to: Date? = nil,
                                   by actorID: AccountID) throws -> [LedgerTransaction] {
        try read { state in try Self.requireMoneyView(account, actorID, state) }
        return try store.ledgerTransactions(touching: account, from: from, to: to)
    }

    // MARK: Machinery

    /// Posts one balanced transaction under an idempotency key; replays return the original.
    func post(
        key: String, actor: AccountID? = nil,
        _ plan: (inout EngineState, Date) throws -> (String, LedgerTransactionKind, LedgerTransactionID?, String,
                                                    [LedgerEntry])
    ) throws -> LedgerTransaction {
        if let existing = try store.ledgerTransaction(idempotencyKey: key) { return existing }
        let outcome = try write { state, now -> (ChangeSet, LedgerTransaction) in
            let (currency, kind, reverses, memo, entries) = try plan(&state, now)
            let transaction = LedgerTransaction(
                id: LedgerTransactionID(state.allocateID()), idempotencyKey: key, kind: kind, currency: currency,
                postedAt: now, actorID: actor, memo: memo, entries: entries.filter { $0.amount != 0 }, reversesID: reverses)
            guard transaction.isBalanced else { throw BillingError(.unbalanced, "transaction does not balance") }
            var changes = ChangeSet(idempotencyKey: key)
            Self.addFloors(for: transaction, state: state, to: &changes)
            try Self.checkFloors(changes.balanceFloors, adding: transaction, state: state)
            changes.ledgerTransactions = [transaction]
            return (changes, transaction)
        }
        switch outcome {
        case .done(let transaction): return transaction
        case .replayed:
            guard let existing = try store.ledgerTransaction(idempotencyKey: key) else {
                throw BillingError.conflict("idempotency key used by a different operation")
            }
            return existing
        }
    }

    static func accountsTouched(by transaction: LedgerTransaction) -> [AccountID] {
        transaction.entries.compactMap { entry in
            switch entry.account {
            case .wallet(let id), .income(let id), .cash(let id), .receivable(let id): id
            case .external: nil
            }
        }
    }

    /// Money is visible to whoever may `viewMoney` on the holding account (Accountants of the
    /// ISP, the holder itself, the levels above). External accounts: Developer only, or the
    /// tenancy's Super Admin.
    static func requireMoneyView(_ account: LedgerAccountRef, _ actorID: AccountID, _ state: EngineState) throws {
        let actor = try actor(actorID, in: state)
        switch account {
        case .wallet(let id), .income(let id), .cash(let id), .receivable(let id):
            if id == actorID { return }
            guard policy(state).can(actor, .viewMoney, on: .account(id)) else {
                throw BillingError.forbidden("viewMoney denied")
            }
        case .external(let tenancyID):
            let resource: Resource = tenancyID.map { .tenancy($0) } ?? .global
            guard policy(state).can(actor, .viewMoney, on: resource) else { throw BillingError.forbidden("viewMoney denied") }
        }
    }

    static func currency(of account: LedgerAccountRef, _ state: EngineState) -> String? {
        switch account {
        case .wallet(let id), .income(let id), .cash(let id), .receivable(let id):
            state.accounts[id]?.tenancyID.flatMap { state.tenancies[$0]?.currency }
        case .external(let tenancyID):
            tenancyID.flatMap { state.tenancies[$0]?.currency }
        }
    }
}
