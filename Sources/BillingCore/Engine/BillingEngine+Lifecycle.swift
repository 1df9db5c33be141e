import Foundation

/// Subscriber state transitions: suspend/resume, disable/enable, package change, expiry and
/// quota-period timers. Each writes an audit record and, when the subscriber is online, an
/// enforcement event (CoA or Disconnect) in the same commit.
extension BillingEngine {
    public func suspend(_ id: SubscriberID, by actorID: AccountID) throws {
        try transition(id, by: actorID, permission: .suspendCustomers, action: "subscriber.suspend", trigger: .suspended) {
            subscriber, _ in
            guard subscriber.status != .disabled else { throw BillingError(.invalidState, "subscriber is disabled") }
            subscriber.status = .suspended
        }
    }

    /// Ends a suspension: back to active, or expired if the paid period ended meanwhile.
    public func resume(_ id: SubscriberID, by actorID: AccountID) throws {
        try transition(id, by: actorID, permission: .suspendCustomers, action: "subscriber.resume", trigger: .resumed) {
            subscriber, now in
            guard subscriber.status == .suspended else { throw BillingError(.invalidState, "subscriber is not suspended") }
            subscriber.status = Self.runningStatus(subscriber, now: now)
        }
    }

    public func disable(_ id: SubscriberID, by actorID: AccountID) throws {
        try transition(id, by: actorID, permission: .editCustomers, action: "subscriber.disable", trigger: .disabled) {
            subscriber, _ in subscriber.status = .disabled
        }
    }

    public func enable(_ id: SubscriberID, by actorID: AccountID) throws {
        try transition(id, by: actorID, permission: .editCustomers, action: "subscriber.enable", trigger: .enabled) {
            subscriber, now in
            guard subscriber.status == .disabled else { throw BillingError(.invalidState, "subscriber is not disabled") }
            subscriber.status = Self.runningStatus(subscriber, now: now)
        }
    }

    /// Moves a subscriber to another package of its ISP now (the paid period is kept; use
    /// `renew(… package:)` to sell the new package instead).
    public func changePackage(_ id: SubscriberID, to packageID: PackageID, by actorID: AccountID) throws {
        try transition(id, by: actorID, permission: .changePackage, action: "subscriber.change_package",
                       trigger: .packageChanged) { subscriber, _ in
            subscriber.packageID = packageID
        } validate: { subscriber, state in
            guard let package = state.packages[packageID], package.ispID == subscriber.ispID, !package.isArchived else {
                throw BillingError.invalid("not an active package of this ISP")
            }
        }
    }

    /// Sets the end of the paid period by hand (corrections, migrations from another system).
    /// Admin and above only; the status follows the new instant.
    public func adjustExpiry(_ id: SubscriberID, to expiresAt: Date, by actorID: AccountID) throws {
        try transition(id, by: actorID, permission: .editCustomers, action: "subscriber.adjust_expiry",
                       trigger: .expired) { subscriber, now in
            subscriber.expiresAt = expiresAt
            if subscriber.anchorDay == nil { subscriber.anchorDay = Calendar(identifier: .gregorian).component(.day, from: expiresAt) }
            if [.new, .active, .expired, .overQuota].contains(subscriber.status) {
                subscriber.status = Self.runningStatus(subscriber, now: now)
            }
        } validate: { _, state in
            guard let actor = state.accounts[actorID], actor.role <= .admin else {
                throw BillingError.forbidden("only an Admin adjusts expiry by hand")
            }
        }
    }

    /// The earliest instant at which a subscriber's state changes by time alone (expiry or quota
    /// reset), so the runtime can arm one exact timer. Nil when nothing is scheduled.
    public func nextTransitionInstant() -> Date? {
        read { state in
            var earliest: Date?
            for subscriber in state.subscribers.values {
                for candidate in Self.dueInstants(subscriber, state) where earliest.map({ candidate < $0 }) ?? true {
                    earliest = candidate
                }
            }
            return earliest
        }
    }

    /// Applies every transition due at the clock's now: expiries (active → expired) and quota
    /// period resets. Returns the enforcement events written. Safe to call at any time.
    @discardableResult
    public func processDueTransitions() throws -> [EnforcementEvent] {
        try perform { state, now in
            var changes = ChangeSet()
            for subscriber in state.subscribers.values {
                guard Self.dueInstants(subscriber, state).contains(where: { $0 <= now }) else { continue }
                var after = subscriber
                var trigger: EnforcementTrigger?
                if let expiresAt = subscriber.expiresAt, expiresAt <= now,
                    [.active, .overQuota].contains(subscriber.status)
                {
                    after.status = .expired
                    trigger = .expired
                }
                let calendar = state.calendar(forISP: subscriber.ispID)
                if let package = state.packages[subscriber.packageID], let quota = package.quota,
                    let periodStart = subscriber.quotaPeriodStart,
                    let next = calendar.nextQuotaReset(quota.reset, after: periodStart), next <= now
                {
                    after.quotaUsed = 0
                    after.quotaPeriodStart = calendar.quotaPeriodStart(quota.reset, containing: now, activatedAt: nil)
                    if after.status == .overQuota {
                        after.status = .active
                        trigger = trigger ?? .quotaReset
                    }
                }
                after.updatedAt = now
                changes.subscribers.append(after)
                changes.audit.append(Self.audit(&state, at: now, actor: nil, action: "subscriber.timer",
                                                kind: "subscriber", id: after.id.rawValue, isp: after.ispID,
                                                before: subscriber.view, after: after.view))
                if let trigger, let event = Self.enforcement(&state, before: subscriber, after: after, trigger: trigger,
                                                             now: now) {
                    changes.events.append(event)
                }
            }
            return (changes, changes.events)
        }
    }

    // MARK: Shared machinery

    func transition(
        _ id: SubscriberID, by actorID: AccountID, permission: Permission, action: String, trigger: EnforcementTrigger,
        _ change: (inout Subscriber, Date) throws -> Void,
        validate: (Subscriber, EngineState) throws -> Void = { _, _ in }
    ) throws {
        try perform { state, now in
            try Self.require(permission, on: .subscriber(id), actorID, state)
            guard let before = state.subscribers[id] else { throw BillingError.notFound("subscriber") }
            try validate(before, state)
            var after = before
            try change(&after, now)
            after.updatedAt = now
            var changes = ChangeSet()
            changes.subscribers = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: action, kind: "subscriber",
                                        id: id.rawValue, isp: after.ispID, before: before.view, after: after.view)]
            if let event = Self.enforcement(&state, before: before, after: after, trigger: trigger, now: now) {
                changes.events = [event]
            }
            return (changes, ())
        }
    }

    /// Active or expired, from the paid period alone.
    static func runningStatus(_ subscriber: Subscriber, now: Date) -> SubscriberStatus {
        guard let expiresAt = subscriber.expiresAt else { return .new }
        return expiresAt > now ? .active : .expired
    }

    static func dueInstants(_ subscriber: Subscriber, _ state: EngineState) -> [Date] {
        var instants: [Date] = []
        if let expiresAt = subscriber.expiresAt, [.active, .overQuota].contains(subscriber.status) {
            instants.append(expiresAt)
        }
        if let package = state.packages[subscriber.packageID], let quota = package.quota, quota.reset != .perValidity,
            let periodStart = subscriber.quotaPeriodStart,
            let next = state.calendar(forISP: subscriber.ispID).nextQuotaReset(quota.reset, after: periodStart)
        {
            instants.append(next)
        }
        return instants
    }

    /// The enforcement event for a state change; nil when the reply does not change or the old
    /// answer was a reject (no session can hold it). Emitted
    /// whether or not accounting shows the subscriber online: a NAS that sends no accounting
    /// must still cut an expired user (the NAS-control part reports `no_session` otherwise).
    static func enforcement(
        _ state: inout EngineState, before: Subscriber, after: Subscriber, trigger: EnforcementTrigger, now: Date
    ) -> EnforcementEvent? {
        // The live session was authorised before the paid period ended: judge "before" then.
        let beforeInstant = trigger == .expired ? min(now, (before.expiresAt ?? now).addingTimeInterval(-1)) : now
        let old = standingDecision(before, state, now: beforeInstant)
        let new = standingDecision(after, state, now: now)
        // Nothing to change when nothing could be connected under the old answer.
        guard old != new, old.reply != nil else { return nil }
        let action: EnforcementAction
        switch (old, new) {
        case (_, .reject), (.reject, _):
            action = .disconnect
        default:
            // CoA cannot change addresses or pools on RouterOS: those need a new session.
            let addressChanged = old.reply?.poolName != new.reply?.poolName
                || old.reply?.staticIPv4 != new.reply?.staticIPv4 || old.reply?.ipv6Prefix != new.reply?.ipv6Prefix
                || old.reply?.addressList != new.reply?.addressList
            action = addressChanged ? .disconnect : .changeAuthorization
        }
        return event(&state, after, trigger: trigger, action: action, now: now)
    }

    static func event(
        _ state: inout EngineState, _ subscriber: Subscriber, trigger: EnforcementTrigger, action: EnforcementAction,
        now: Date
    ) -> EnforcementEvent {
        EnforcementEvent(
            id: EventID(state.allocateID()), createdAt: now, subscriberID: subscriber.id, ispID: subscriber.ispID,
            username: subscriber.username, trigger: trigger, action: action, outcome: nil, completedAt: nil)
    }

    /// The decision a subscriber's current session should carry (ignoring session counts),
    /// used to pick CoA vs Disconnect and as the CoA's reply.
    static func standingDecision(_ subscriber: Subscriber, _ state: EngineState, now: Date) -> AccessDecision {
        guard let isp = state.isps[subscriber.ispID] else {
            return .reject(.unknownUser, message: "Unknown user")
        }
        let request = AccessRequest(
            nasID: NASID(0), username: subscriber.username, callingStationID: subscriber.macBinding?.description,
            service: subscriber.serviceType)
        let input = AccessDecider.Input(
            subscriber: subscriber, package: state.packages[subscriber.packageID], isp: isp, openSessions: 0,
            request: request, now: now)
        return AccessDecider().decide(input) { state.packages[$0] }
    }
}
