public import BillingCore
public import RADIUSCore

/// What the RADIUS server knows about the NAS a request came from: which ISP it serves, the
/// shared secret, and its per-NAS settings. Built from `NASDevice` records (and the config file).
public struct NASContext: Sendable {
    /// The NAS record; its ISP scopes every subscriber lookup.
    public var nasID: NASID
    public var ispID: ISPID
    /// The RADIUS shared secret (never logged: its description is redacted).
    public var secret: SharedSecret
    /// NAS-Identifier that selects this NAS among several behind one address (NAT), if set.
    public var nasIdentifier: String?
    /// Access-Requests without Message-Authenticator are dropped (BlastRADIUS, CVE-2024-3596).
    public var requireMessageAuthenticator: Bool
    /// How Acct-Input/Output map to upload/download.
    public var counterDirection: CounterDirection

    public init(
        nasID: NASID, ispID: ISPID, secret: SharedSecret, nasIdentifier: String?,
        requireMessageAuthenticator: Bool, counterDirection: CounterDirection
    ) {
        self.nasID = nasID
        self.ispID = ispID
        self.secret = secret
        self.nasIdentifier = nasIdentifier
        self.requireMessageAuthenticator = requireMessageAuthenticator
        self.counterDirection = counterDirection
    }

    /// The context of a NAS record.
    public init(_ device: NASDevice) {
        self.init(
            nasID: device.id, ispID: device.ispID, secret: SharedSecret(device.secrets.radiusSecret),
            nasIdentifier: device.nasIdentifier, requireMessageAuthenticator: device.requireMessageAuthenticator,
            counterDirection: device.counterDirection)
    }
}

/// The NASes sharing one source address or prefix (several routers behind one NAT); the
/// request's NAS-Identifier picks among them.
public struct NASContextGroup: Sendable {
    public var members: [NASContext]

    public init(_ members: [NASContext]) { self.members = members }

    /// The NAS a request belongs to: the one whose NAS-Identifier matches, else the single
    /// member without one; nil when ambiguous.
    public func select(nasIdentifier: String?) -> NASContext? {
        if members.count == 1 { return members[0] }
        if let nasIdentifier, let match = members.first(where: { $0.nasIdentifier == nasIdentifier }) {
            return match
        }
        let unnamed = members.filter { $0.nasIdentifier == nil }
        return unnamed.count == 1 ? unnamed[0] : nil
    }
}
