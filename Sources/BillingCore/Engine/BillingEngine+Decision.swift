import Synchronization
import Foundation

/// The RADIUS read path: one in-memory lookup and one call to `AccessDecider` per request, no
/// disk, no await. Also the outbox the NAS-control part drains.
extension BillingEngine {
    /// Decides an Access-Request from billing state. The subscriber is looked up within the
    /// NAS's ISP only (a NAS of one ISP never authenticates another ISP's subscriber); for MAC
    /// authentication the username is also tried as a MAC binding. The returned credential is
    /// for the AAA layer's PAP/CHAP/MS-CHAP check.
    public func decide(_ request: AccessRequest) -> AccessOutcome {
        let now = clock.now()
        let sealer = self.sealer
        let found: AccessOutcome? = state.withLock { state in
            guard let ispID = state.nasDevices[request.nasID]?.ispID, let isp = state.isps[ispID] else { return nil }
            var subscriber = state.subscriber(isp: ispID, username: request.username)
            if subscriber == nil, request.isMACAuthentication, let mac = MACAddress(request.username) {
                subscriber = state.byMAC[ispID]?[mac].flatMap { state.subscribers[$0] }
            }
            guard let subscriber else { return nil }
            let credential = state.openedCredentials.credential(of: subscriber) { sealed in
                (try? sealer.open(sealed)).flatMap(SubscriberCredential.init(decoding:))
            }
            let current = Self.effective(subscriber, state, now: now)
            let input = AccessDecider.Input(
                subscriber: current, package: state.packages[current.packageID], isp: isp,
                openSessions: state.competingOpenCount(
                    current.id, nasID: request.nasID, callingStationID: request.callingStationID),
                request: request, now: now)
            return AccessOutcome(
                decision: AccessDecider().decide(input) { state.packages[$0] }, credential: credential,
                subscriberID: subscriber.id, ispID: ispID)
        }
        return found ?? AccessOutcome(
            decision: .reject(.unknownUser, message: "Invalid username or password"),
            credential: nil, subscriberID: nil, ispID: radiusClient(request.nasID)?.ispID)
    }

    /// The decision a subscriber's live session should carry now (the reply of a CoA), ignoring
    /// its session count. Nil for an unknown subscriber.
    public func currentDecision(for id: SubscriberID) -> AccessDecision? {
        let now = clock.now()
        return read { state in
            state.subscribers[id].map { Self.standingDecision(Self.effective($0, state, now: now), state, now: now) }
        }
    }

    /// Open sessions of a subscriber (for CoA/Disconnect targeting: NAS, Acct-Session-Id, IP).
    public func openSessions(of id: SubscriberID) -> [AccountingSession] {
        read { state in state.openSessions(of: id) }
    }

    /// Enforcement events not yet carried out, oldest first (the outbox).
    public func pendingEnforcementEvents(limit: Int = 100) throws -> [EnforcementEvent] {
        try store.pendingEvents(limit: limit)
    }

    /// Records what the NAS-control part did with an event.
    public func completeEnforcement(_ id: EventID, outcome: EnforcementOutcome) throws {
        try store.completeEvent(id, outcome: outcome, at: clock.now())
    }

    /// The subscriber as the decision must see it at `now`: a quota period that ended but whose
    /// timer has not fired yet counts as reset.
    static func effective(_ subscriber: Subscriber, _ state: EngineState, now: Date) -> Subscriber {
        guard let package = state.packages[subscriber.packageID], let quota = package.quota,
            quota.reset != .perValidity, let periodStart = subscriber.quotaPeriodStart,
            let next = state.calendar(forISP: subscriber.ispID).nextQuotaReset(quota.reset, after: periodStart),
            next <= now
        else { return subscriber }
        var current = subscriber
        current.quotaUsed = 0
        if current.status == .overQuota { current.status = .active }
        return current
    }
}
