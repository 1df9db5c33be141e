import Foundation

/// Packages: defined by the Admin (or a Manager/Staff it granted `managePackages`), never by
/// Operators and below. The rate limit is validated against the RouterOS grammar when saved.
extension BillingEngine {
    public func createPackage(_ spec: PackageSpec, isp ispID: ISPID, by actorID: AccountID) throws -> ServicePackage {
        try perform { state, now in
            try Self.require(.managePackages, on: .isp(ispID), actorID, state)
            let package = try Self.buildPackage(spec, id: PackageID(state.allocateID()), isp: ispID, state: state,
                                                actor: actorID, now: now)
            var changes = ChangeSet()
            changes.packages = [package]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "package.create", kind: "package",
                                        id: package.id.rawValue, isp: ispID, before: nil as ServicePackage?,
                                        after: package)]
            return (changes, package)
        }
    }

    /// Replaces a package's definition. Subscribers on it get a CoA on their next change; the
    /// runtime may push one now with `reapplyPackage`.
    public func updatePackage(_ id: PackageID, _ spec: PackageSpec, by actorID: AccountID) throws -> ServicePackage {
        try perform { state, now in
            try Self.require(.managePackages, on: .package(id), actorID, state)
            guard let before = state.packages[id] else { throw BillingError.notFound("package") }
            var package = try Self.buildPackage(spec, id: id, isp: before.ispID, state: state, actor: before.createdBy,
                                                now: before.createdAt)
            package.isArchived = before.isArchived
            var changes = ChangeSet()
            changes.packages = [package]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "package.update", kind: "package",
                                        id: id.rawValue, isp: package.ispID, before: before, after: package)]
            // Online subscribers of the package get the new reply now (CoA, or a disconnect when
            // the pool or address list changed); offline ones get it at their next login.
            var next = state
            next.packages[id] = package
            for key in state.openSessionKeys.keys {
                guard let subscriber = state.subscribers[key], subscriber.packageID == id else { continue }
                let old = Self.standingDecision(subscriber, state, now: now)
                let new = Self.standingDecision(subscriber, next, now: now)
                guard old != new, old.reply != nil else { continue }
                let moved = old.reply?.poolName != new.reply?.poolName || old.reply?.addressList != new.reply?.addressList
                changes.events.append(Self.event(&state, subscriber, trigger: .packageChanged,
                                                 action: new.reply == nil || moved ? .disconnect : .changeAuthorization,
                                                 now: now))
            }
            return (changes, package)
        }
    }

    /// Hides a package from new sales; existing subscribers keep it until changed.
    public func archivePackage(_ id: PackageID, by actorID: AccountID) throws {
        try perform { state, now in
            try Self.require(.managePackages, on: .package(id), actorID, state)
            guard let before = state.packages[id] else { throw BillingError.notFound("package") }
            var package = before
            package.isArchived = true
            var changes = ChangeSet()
            changes.packages = [package]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "package.archive", kind: "package",
                                        id: id.rawValue, isp: package.ispID, before: before, after: package)]
            return (changes, ())
        }
    }

    /// Packages of an ISP, for anyone who works in it (or above it).
    public func listPackages(isp ispID: ISPID, by actorID: AccountID) -> [ServicePackage] {
        read { state in
            guard let actor = state.accounts[actorID], Self.worksIn(actor, isp: ispID, state) else { return [] }
            return state.packages.values.filter { $0.ispID == ispID }.sorted { $0.id < $1.id }
        }
    }

    public func package(_ id: PackageID) -> ServicePackage? { read { $0.packages[id] } }

    /// Package by name within an ISP (demo, CLI, imports).
    public func package(named name: String, isp ispID: ISPID) -> ServicePackage? {
        read { state in state.packages.values.first { $0.ispID == ispID && $0.name == name } }
    }

    static func worksIn(_ actor: Account, isp ispID: ISPID, _ state: EngineState) -> Bool {
        guard !actor.isDisabled, let isp = state.isps[ispID] else { return false }
        switch actor.role {
        case .developer: return true
        case .superAdmin: return actor.tenancyID == isp.tenancyID
        case .customer: return false
        default: return actor.ispID == ispID
        }
    }

    static func buildPackage(
        _ spec: PackageSpec, id: PackageID, isp ispID: ISPID, state: EngineState, actor: AccountID, now: Date
    ) throws -> ServicePackage {
        let rateLimit: RateLimit
        do { rateLimit = try RateLimit(parsing: spec.rateLimit) } catch { throw BillingError.invalid(error.description) }
        switch spec.validity {
        case .hours(let n), .days(let n), .months(let n):
            guard n > 0, n <= 10_000 else { throw BillingError.invalid("validity must be positive") }
        }
        if let quota = spec.quota, quota.bytes <= 0 { throw BillingError.invalid("quota must be positive") }
        guard (1...100).contains(spec.simultaneousUse) else { throw BillingError.invalid("simultaneous use 1…100") }
        for value in [spec.sessionTimeout, spec.idleTimeout, spec.interimInterval] {
            if let value, value <= 0 { throw BillingError.invalid("timeouts and intervals must be positive") }
        }
        for action in [spec.onExpiry, spec.onQuota] {
            if case .switchPackage(let target) = action {
                guard let other = state.packages[target], other.ispID == ispID, other.id != id else {
                    throw BillingError.invalid("switch target must be another package of the same ISP")
                }
            }
        }
        if state.packages.values.contains(where: { $0.ispID == ispID && $0.name == spec.name && $0.id != id }) {
            throw BillingError.conflict("package name already used in this ISP")
        }
        return ServicePackage(
            id: id, ispID: ispID, name: try name(spec.name), rateLimit: rateLimit, validity: spec.validity,
            quota: spec.quota, onExpiry: spec.onExpiry, onQuota: spec.onQuota, poolName: spec.poolName,
            pppProfile: spec.pppProfile, addressList: spec.addressList, simultaneousUse: spec.simultaneousUse,
            sessionTimeout: spec.sessionTimeout, idleTimeout: spec.idleTimeout, interimInterval: spec.interimInterval,
            ipv6PrefixPool: spec.ipv6PrefixPool, isArchived: false, createdBy: actor, createdAt: now)
    }
}
