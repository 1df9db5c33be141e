import Foundation

/// A change the NAS-control part must carry to the router: cut the live session (RFC 5176
/// Disconnect-Request) or change it in place (CoA with the new reply). Written to an outbox in
/// the same commit as the state change, so it is never lost and never sent for a rolled-back
/// change. CoA cannot change IP or pool on RouterOS (mikrotik.md fact 7), so such changes
/// become disconnects.
public struct EnforcementEvent: Sendable, Codable, Hashable, Identifiable {
    public var id: EventID
    public var createdAt: Date
    public var subscriberID: SubscriberID
    public var ispID: ISPID
    public var username: String
    public var trigger: EnforcementTrigger
    public var action: EnforcementAction
    /// Set once the NAS-control part reported an outcome.
    public var outcome: EnforcementOutcome?
    public var completedAt: Date?

    /// Memberwise initialiser (storage adapters rebuild values with it).
    public init(
        id: EventID,
        createdAt: Date,
        subscriberID: SubscriberID,
        ispID: ISPID,
        username: String,
        trigger: EnforcementTrigger,
        action: EnforcementAction,
        outcome: EnforcementOutcome?,
        completedAt: Date?
    ) {
        self.id = id
        self.createdAt = createdAt
        self.subscriberID = subscriberID
        self.ispID = ispID
        self.username = username
        self.trigger = trigger
        self.action = action
        self.outcome = outcome
        self.completedAt = completedAt
    }
}

/// What caused an enforcement event.
public enum EnforcementTrigger: String, Sendable, Codable, Hashable, CaseIterable {
    case expired
    case renewed
    case suspended
    case resumed
    case disabled
    case enabled
    case packageChanged = "package_changed"
    case deleted
    case quotaExceeded = "quota_exceeded"
    case quotaReset = "quota_reset"
    case ispLapsed = "isp_lapsed"
    case ispRestored = "isp_restored"
    /// Staff asked for it (`POST /customers/{id}/disconnect`); never written to the outbox.
    case manualDisconnect = "manual_disconnect"
}

/// What the router should do with the subscriber's live sessions.
public enum EnforcementAction: String, Sendable, Codable, Hashable {
    /// Disconnect-Request: the next login gets the new decision.
    case disconnect
    /// CoA-Request carrying the reply of the subscriber's current decision.
    case changeAuthorization = "coa"
}

/// What happened when the NAS-control part carried an event out.
public enum EnforcementOutcome: String, Sendable, Codable, Hashable {
    case acknowledged
    case nakReceived = "nak"
    case noSession = "no_session"
    case fallbackUsed = "fallback_used"
    case failed
}
