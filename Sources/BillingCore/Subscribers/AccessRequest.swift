import Foundation

/// What the AAA layer knows about an Access-Request when it asks for a decision.
public struct AccessRequest: Sendable, Hashable {
    /// The NAS the request came from (resolved by the RADIUS layer); its ISP scopes the lookup.
    public var nasID: NASID
    /// User-Name as received (for MAC authentication, the MAC in any RouterOS format).
    public var username: String
    /// Calling-Station-Id (the client MAC), for MAC binding.
    public var callingStationID: String?
    /// PPPoE (Framed-User) or hotspot (Login-User); `.any` when unknown.
    public var service: ServiceType
    /// True for hotspot MAC authentication: the username is looked up as a MAC binding too.
    public var isMACAuthentication: Bool

    public init(
        nasID: NASID, username: String, callingStationID: String? = nil, service: ServiceType = .any,
        isMACAuthentication: Bool = false
    ) {
        self.nasID = nasID
        self.username = username
        self.callingStationID = callingStationID
        self.service = service
        self.isMACAuthentication = isMACAuthentication
    }
}

/// The engine's answer to an Access-Request: the decision and, when a subscriber was found, its
/// opened credential so the AAA layer can verify PAP/CHAP/MS-CHAP. If verification fails the
/// AAA layer answers `AccessDecision.badPassword` instead of `decision`.
public struct AccessOutcome: Sendable {
    public var decision: AccessDecision
    public var credential: SubscriberCredential?
    public var subscriberID: SubscriberID?
    public var ispID: ISPID?

    public init(decision: AccessDecision, credential: SubscriberCredential?, subscriberID: SubscriberID?, ispID: ISPID?) {
        self.decision = decision
        self.credential = credential
        self.subscriberID = subscriberID
        self.ispID = ispID
    }
}
