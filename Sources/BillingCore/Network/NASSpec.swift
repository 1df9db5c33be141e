/// Input for creating or updating a NAS.
public struct NASSpec: Sendable, Codable, Hashable {
    public var name: String
    public var address: String
    public var secret: String
    public var nasIdentifier: String?
    public var coaPort: Int
    public var routerOS: RouterOSEndpoint?
    public var routerOSPassword: String?
    public var secretMirror: SecretMirrorMode
    public var counterDirection: CounterDirection
    public var requireMessageAuthenticator: Bool

    public init(
        name: String, address: String, secret: String, nasIdentifier: String? = nil,
        coaPort: Int = 3799, routerOS: RouterOSEndpoint? = nil, routerOSPassword: String? = nil,
        secretMirror: SecretMirrorMode = .off, counterDirection: CounterDirection = .standard,
        requireMessageAuthenticator: Bool = true
    ) {
        self.name = name
        self.address = address
        self.secret = secret
        self.nasIdentifier = nasIdentifier
        self.coaPort = coaPort
        self.routerOS = routerOS
        self.routerOSPassword = routerOSPassword
        self.secretMirror = secretMirror
        self.counterDirection = counterDirection
        self.requireMessageAuthenticator = requireMessageAuthenticator
    }
}
