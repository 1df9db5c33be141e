import Foundation

/// The effective-dated price book: the Admin sets what each Operator pays, an Operator sets what
/// its Sub-Operators pay (never its own price), each seller sets its customers' price.
extension BillingEngine {
    /// Adds a price effective from `effectiveFrom` (default now). A price is never below the
    /// setter's own cost for the package at that instant.
    @discardableResult
    public func setPrice(
        package packageID: PackageID, for buyer: PriceBuyer, amount: Int64, effectiveFrom: Date? = nil,
        by actorID: AccountID
    ) throws -> PriceEntry {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let package = state.packages[packageID] else { throw BillingError.notFound("package") }
            guard Money.isValid(amount, positive: false) else { throw BillingError.invalid("price must be 0…10^15") }
            let from = effectiveFrom ?? now
            let policy = Self.policy(state)
            switch buyer {
            case .seller(let buyerID):
                guard let buyer = state.accounts[buyerID], buyer.ispID == package.ispID,
                    buyer.role == .operator || buyer.role == .subOperator
                else { throw BillingError.invalid("a cost price is set for an Operator or Sub-Operator of the ISP") }
                guard buyerID != actorID else { throw BillingError.forbidden("nobody sets its own cost price") }
                let allowed = buyer.role == .operator
                    ? actor.role <= .admin && policy.can(actor, .editPrices, on: .isp(package.ispID))
                        || [.manager, .staff].contains(actor.role) && policy.can(actor, .editPrices, on: .isp(package.ispID))
                    : policy.can(actor, .editPrices, on: .account(buyerID))
                guard allowed else { throw BillingError.forbidden("cannot set this seller's cost price") }
                if buyer.role == .subOperator, let parentID = buyer.parentID,
                    let parentCost = Self.price(state, package: packageID, buyer: .seller(parentID), at: from),
                    amount < parentCost
                {
                    throw BillingError.invalid("price is below the Operator's own cost \(parentCost)")
                }
            case .customersOf(let sellerID):
                guard let seller = state.accounts[sellerID], seller.role.isSeller, seller.ispID == package.ispID else {
                    throw BillingError.invalid("a customer price is set for a seller of the ISP")
                }
                guard sellerID == actorID || policy.canManage(actor, seller) else {
                    throw BillingError.forbidden("each seller sets its own customer price")
                }
                if let cost = Self.price(state, package: packageID, buyer: .seller(sellerID), at: from), amount < cost {
                    throw BillingError.invalid("customer price is below the seller's cost \(cost)")
                }
            }
            let entry = PriceEntry(id: PriceEntryID(state.allocateID()), ispID: package.ispID, packageID: packageID,
                                   buyer: buyer, amount: amount, effectiveFrom: from, setBy: actorID, createdAt: now)
            var changes = ChangeSet()
            changes.priceEntries = [entry]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "price.set", kind: "price",
                                        id: entry.id.rawValue, isp: package.ispID, before: nil as PriceEntry?,
                                        after: entry)]
            return (changes, entry)
        }
    }

    /// The price in force for a buyer and package at an instant (default now).
    public func price(package packageID: PackageID, for buyer: PriceBuyer, at instant: Date? = nil) -> Int64? {
        let at = instant ?? clock.now()
        return read { Self.price($0, package: packageID, buyer: buyer, at: at) }
    }

    /// The price book of an ISP as the actor may see it (all of it for the Admin and above,
    /// the entries concerning its segment for a seller).
    public func priceBook(isp ispID: ISPID, by actorID: AccountID) -> [PriceEntry] {
        read { state in
            guard let actor = state.accounts[actorID], Self.worksIn(actor, isp: ispID, state) else { return [] }
            let segment = Self.policy(state).segmentOwners(of: actor)
            return state.priceEntries.values.filter { entry in
                guard entry.ispID == ispID else { return false }
                guard actor.role.isSeller && actor.role != .admin else { return true }
                switch entry.buyer {
                case .seller(let id), .customersOf(let id): return segment.contains(id)
                }
            }.sorted { ($0.effectiveFrom, $0.id) < ($1.effectiveFrom, $1.id) }
        }
    }

    static func price(_ state: EngineState, package: PackageID, buyer: PriceBuyer, at instant: Date) -> Int64? {
        var best: PriceEntry?
        for entry in state.priceEntries.values
        where entry.packageID == package && entry.buyer == buyer && entry.effectiveFrom <= instant {
            if let current = best, (current.effectiveFrom, current.id) > (entry.effectiveFrom, entry.id) { continue }
            best = entry
        }
        return best?.amount
    }
}
