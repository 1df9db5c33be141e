public import BillingCore
public import RADIUSCore

/// What the server answers to one Access-Request, before signing: the reply packet and why.
public struct AuthenticationResult: Sendable {
    /// Access-Accept or Access-Reject with every reply attribute (unsigned; the transport signs
    /// it with the NAS secret and adds Message-Authenticator first).
    public var reply: RADIUSPacket
    /// The billing reason code: logged, counted and shown by the API.
    public var reason: DecisionReason
    /// How the request authenticated (PAP, CHAP, MS-CHAP, MAC).
    public var method: String
    /// The subscriber, when one was found.
    public var subscriberID: SubscriberID?

    /// True for an Access-Accept (also a restricted one).
    public var isAccept: Bool { reply.code == .accessAccept }
}
