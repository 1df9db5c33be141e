import Foundation

/// One try at carrying an enforcement event to a router, kept per subscriber so support staff and
/// the API can see what Uplink did to a live session and what the router said: a Disconnect- or
/// CoA-Request with its ACK/NAK/Error-Cause or silence, or the RouterOS API fallback.
public struct EnforcementAttempt: Sendable, Codable, Hashable {
    /// How the attempt reached the router.
    public enum Method: String, Sendable, Codable, Hashable, CaseIterable {
        /// RFC 5176 Disconnect-Request.
        case disconnect
        /// RFC 5176 CoA-Request.
        case coa
        /// RouterOS API: `/ppp/active` or `/ip/hotspot/active` remove.
        case routerOSAPI = "api"
    }

    /// What came back.
    public enum Result: String, Sendable, Codable, Hashable, CaseIterable {
        case ack
        case nak
        case timeout
        /// The API removed at least one live session.
        case removed
        /// Nothing to act on (no session on the router, no open session known).
        case noSession = "no_session"
        /// Could not be tried or failed locally (no address, no credentials, I/O error).
        case error
    }

    public var eventID: EventID
    /// What caused the event (suspension, package change, …); nil in attempts recorded before it
    /// was kept.
    public var trigger: EnforcementTrigger?
    /// Which try of the event this attempt belongs to (1 for the first; failed events are tried
    /// again with backoff); nil in attempts recorded before retries existed.
    public var tryNumber: Int?
    public var subscriberID: SubscriberID
    public var nasID: NASID?
    /// Acct-Session-Id of the session acted on.
    public var sessionID: String?
    public var method: Method
    public var result: Result
    /// RFC 5176 §3.5 Error-Cause of a NAK (or ACK), e.g. 503.
    public var errorCause: Int?
    /// Requests sent for this attempt (retransmissions included).
    public var transmissions: Int?
    /// Short human-readable detail (never secrets).
    public var detail: String?
    public var at: Date

    /// Memberwise initialiser.
    public init(
        eventID: EventID, trigger: EnforcementTrigger? = nil, tryNumber: Int? = nil, subscriberID: SubscriberID,
        nasID: NASID?, sessionID: String?, method: Method, result: Result, errorCause: Int? = nil,
        transmissions: Int? = nil, detail: String? = nil, at: Date
    ) {
        self.eventID = eventID
        self.trigger = trigger
        self.tryNumber = tryNumber
        self.subscriberID = subscriberID
        self.nasID = nasID
        self.sessionID = sessionID
        self.method = method
        self.result = result
        self.errorCause = errorCause
        self.transmissions = transmissions
        self.detail = detail
        self.at = at
    }
}
