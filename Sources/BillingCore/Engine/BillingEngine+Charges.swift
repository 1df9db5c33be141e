import Foundation

/// Charges between levels: invoices (subscription, add-on, SMS, custom development), their
/// payment and voiding, and per-message SMS charges.
extension BillingEngine {
    /// Issues an invoice from the actor to the level below: Developer → Super Admin, Super Admin →
    /// Admin of its tenancy, Admin → Operator/Sub-Operator of its ISP. Posts a receivable.
    public func issueCharge(
        to payerID: AccountID, kind: ChargeKind, amount: Int64, description: String, dueAt: Date,
        periodKey: String? = nil, idempotencyKey: String, by actorID: AccountID
    ) throws -> Invoice {
        if try store.ledgerTransaction(idempotencyKey: idempotencyKey) != nil { return try invoice(issuedUnder: idempotencyKey) }
        let outcome = try write { state, now -> (ChangeSet, Invoice) in
            let actor = try Self.actor(actorID, in: state)
            guard let payer = state.accounts[payerID] else { throw BillingError.notFound("payer") }
            let allowed = switch actor.role {
            case .developer: payer.role == .superAdmin
            case .superAdmin: payer.role == .admin && payer.tenancyID == actor.tenancyID
            case .admin: (payer.role == .operator || payer.role == .subOperator) && payer.ispID == actor.ispID
            default: false
            }
            guard allowed else { throw BillingError.forbidden("charges go from a level to the level directly below") }
            guard Money.isValid(amount) else { throw BillingError.invalid("amount must be 1…10^15 minor units") }
            var changes = ChangeSet(idempotencyKey: idempotencyKey)
            let invoice = try Self.planInvoice(&state, issuer: actorID, payer: payerID, kind: kind, amount: amount,
                                               description: description, dueAt: dueAt, periodKey: periodKey,
                                               key: idempotencyKey, now: now, changes: &changes)
            return (changes, invoice)
        }
        switch outcome {
        case .done(let invoice): return invoice
        case .replayed: return try invoice(issuedUnder: idempotencyKey)
        }
    }

    /// Records payment of an invoice: from the payer's wallet for Operators and Sub-Operators
    /// (under its credit limit), otherwise as money received from outside.
    @discardableResult
    public func payInvoice(_ id: InvoiceID, idempotencyKey: String, by actorID: AccountID) throws -> Invoice {
        let outcome = try write { state, now -> (ChangeSet, Invoice) in
            let actor = try Self.actor(actorID, in: state)
            guard var invoice = state.invoices[id] else { throw BillingError.notFound("invoice") }
            guard actorID == invoice.payerID || actorID == invoice.issuerID || actor.role == .developer else {
                throw BillingError.forbidden("only the payer or the issuer records a payment")
            }
            guard invoice.status == .open else { throw BillingError(.invalidState, "invoice is \(invoice.status)") }
            guard let payer = state.accounts[invoice.payerID] else { throw BillingError.notFound("payer") }
            let source: LedgerAccountRef = payer.role == .operator || payer.role == .subOperator
                ? .wallet(payer.id) : .external(payer.role == .superAdmin ? nil : payer.tenancyID)
            let transaction = LedgerTransaction(
                id: LedgerTransactionID(state.allocateID()), idempotencyKey: idempotencyKey, kind: .invoicePayment,
                currency: invoice.currency, postedAt: now, actorID: actorID, memo: "payment of invoice \(id)",
                entries: [LedgerEntry(source, -invoice.amount), LedgerEntry(.receivable(payer.id), invoice.amount)],
                reversesID: nil)
            var changes = ChangeSet(idempotencyKey: idempotencyKey)
            Self.addFloors(for: transaction, state: state, to: &changes)
            try Self.checkFloors(changes.balanceFloors, adding: transaction, state: state)
            invoice.status = .paid
            invoice.settleTransactionID = transaction.id
            changes.ledgerTransactions = [transaction]
            changes.invoices = [invoice]
            return (changes, invoice)
        }
        switch outcome {
        case .done(let invoice): return invoice
        case .replayed:
            guard let invoice = read({ $0.invoices[id] }) else { throw BillingError.notFound("invoice") }
            return invoice
        }
    }

    /// Voids an open invoice (its issuer): the receivable is reversed by a new transaction.
    @discardableResult
    public func voidInvoice(_ id: InvoiceID, idempotencyKey: String, by actorID: AccountID) throws -> Invoice {
        let outcome = try write { state, now -> (ChangeSet, Invoice) in
            guard var invoice = state.invoices[id] else { throw BillingError.notFound("invoice") }
            guard actorID == invoice.issuerID else { throw BillingError.forbidden("only the issuer voids an invoice") }
            guard invoice.status == .open else { throw BillingError(.invalidState, "invoice is \(invoice.status)") }
            let transaction = LedgerTransaction(
                id: LedgerTransactionID(state.allocateID()), idempotencyKey: idempotencyKey, kind: .reversal,
                currency: invoice.currency, postedAt: now, actorID: actorID, memo: "void of invoice \(id)",
                entries: [LedgerEntry(.receivable(invoice.payerID), invoice.amount),
                          LedgerEntry(.income(invoice.issuerID), -invoice.amount)],
                reversesID: invoice.issueTransactionID)
            invoice.status = .void
            invoice.settleTransactionID = transaction.id
            var changes = ChangeSet(idempotencyKey: idempotencyKey)
            changes.ledgerTransactions = [transaction]
            changes.invoices = [invoice]
            return (changes, invoice)
        }
        switch outcome {
        case .done(let invoice): return invoice
        case .replayed:
            guard let invoice = read({ $0.invoices[id] }) else { throw BillingError.notFound("invoice") }
            return invoice
        }
    }

    /// Invoices the actor issued or pays, or may view the money of.
    public func invoices(by actorID: AccountID) -> [Invoice] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let policy = Self.policy(state)
            return state.invoices.values.filter {
                $0.issuerID == actorID || $0.payerID == actorID || policy.can(actor, .viewMoney, on: .account($0.payerID))
            }.sorted { $0.id < $1.id }
        }
    }

    /// Charges SMS sent by `sender` through a gateway per message, by who owns the gateway:
    /// an ISP's gateway used by its Operators → the Operator's wallet pays the Admin, unless the
    /// ISP's policy is that the Admin absorbs it (nil, nothing posted); a tenancy's gateway →
    /// the Admin owes its Super Admin; the Developer's → the Super Admin owes the Developer.
    @discardableResult
    public func recordSMS(sender senderID: AccountID, gateway gatewayID: GatewayID, messages: Int, idempotencyKey: String)
        throws -> LedgerTransaction?
    {
        if let existing = try store.ledgerTransaction(idempotencyKey: idempotencyKey) { return existing }
        let plan: (LedgerAccountRef, LedgerAccountRef, String)? = try read { state in
            guard messages > 0, let gateway = state.gateways[gatewayID], gateway.kind == .sms, gateway.isEnabled,
                let sender = state.accounts[senderID], let price = gateway.pricePerMessage, price > 0
            else {
                throw BillingError.invalid("an enabled SMS gateway with a price and a positive message count is required")
            }
            let isp = sender.ispID.flatMap { state.isps[$0] }
            switch gateway.owner {
            case .isp(let ispID):
                guard let isp, isp.id == ispID, sender.role == .operator || sender.role == .subOperator else { return nil }
                guard isp.smsCostPolicy == .operatorPays else { return nil }
                return (.wallet(senderID), .income(isp.adminID), "SMS × \(messages) via \(gateway.name)")
            case .tenancy(let tenancyID):
                guard let isp, isp.tenancyID == tenancyID, let tenancy = state.tenancies[tenancyID] else { return nil }
                return (.receivable(isp.adminID), .income(tenancy.superAdminID), "SMS × \(messages) via \(gateway.name)")
            case .developer:
                guard let tenancy = sender.tenancyID.flatMap({ state.tenancies[$0] }), sender.role != .developer else {
                    return nil
                }
                return (.receivable(tenancy.superAdminID), .income(gateway.createdBy), "SMS × \(messages) via \(gateway.name)")
            }
        }
        guard let (payer, payee, memo) = plan else { return nil }
        let amount = try read { state -> Int64 in
            let price = state.gateways[gatewayID]?.pricePerMessage ?? 0
            let (total, overflow) = price.multipliedReportingOverflow(by: Int64(messages))
            guard !overflow, Money.isValid(total) else { throw BillingError.invalid("SMS charge out of range") }
            return total
        }
        return try post(key: idempotencyKey) { state, _ in
            let currency = Self.currency(of: payer, state) ?? "XXX"
            return (currency, .smsCharge, nil, memo, [LedgerEntry(payer, -amount), LedgerEntry(payee, amount)])
        }
    }

    // MARK: Planning

    static func planInvoice(
        _ state: inout EngineState, issuer: AccountID, payer: AccountID, kind: ChargeKind, amount: Int64,
        description: String, dueAt: Date, periodKey: String?, key: String, now: Date, changes: inout ChangeSet
    ) throws -> Invoice {
        let currency = currency(of: .receivable(payer), state) ?? "XXX"
        let transaction = LedgerTransaction(
            id: LedgerTransactionID(state.allocateID()), idempotencyKey: key, kind: .charge, currency: currency,
            postedAt: now, actorID: issuer, memo: description,
            entries: [LedgerEntry(.receivable(payer), -amount), LedgerEntry(.income(issuer), amount)], reversesID: nil)
        let invoice = Invoice(
            id: InvoiceID(state.allocateID()), issuerID: issuer, payerID: payer, kind: kind, description: description,
            amount: amount, currency: currency, issuedAt: now, dueAt: dueAt, status: .open, periodKey: periodKey,
            issueTransactionID: transaction.id, settleTransactionID: nil)
        changes.ledgerTransactions.append(transaction)
        changes.invoices.append(invoice)
        return invoice
    }

    private func invoice(issuedUnder key: String) throws -> Invoice {
        guard let transaction = try store.ledgerTransaction(idempotencyKey: key),
            let invoice = read({ state in state.invoices.values.first { $0.issueTransactionID == transaction.id } })
        else { throw BillingError.conflict("idempotency key used by a different operation") }
        return invoice
    }
}
