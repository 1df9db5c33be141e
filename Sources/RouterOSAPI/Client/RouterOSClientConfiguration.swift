import NIOCore

/// Settings of a `RouterOSClient`; every field has a documented default.
public struct RouterOSClientConfiguration: Hashable, Sendable {
    /// Time allowed for each command from sending to `!done` (default 10 s).
    public var commandTimeout: TimeAmount
    /// Time allowed for the TCP connect (default 5 s).
    public var connectTimeout: TimeAmount
    /// Time allowed for the TLS handshake and login together (default 10 s).
    public var loginTimeout: TimeAmount
    /// Most connections the pool opens to one router (default 2; at least 1). Commands share them:
    /// several commands can be in flight on one connection, each under its own tag.
    public var maxConnections: Int
    /// Login style (default `.automatic`: plain, legacy challenge if the router asks for it).
    public var loginMethod: RouterOSLoginMethod
    /// Reconnect policy.
    public var backoff: RouterOSBackoff
    /// Limits on what the router may send.
    public var decoderLimits: RouterOSSentenceDecoder.Limits

    /// Creates a configuration.
    public init(
        commandTimeout: TimeAmount = .seconds(10),
        connectTimeout: TimeAmount = .seconds(5),
        loginTimeout: TimeAmount = .seconds(10),
        maxConnections: Int = 2,
        loginMethod: RouterOSLoginMethod = .automatic,
        backoff: RouterOSBackoff = RouterOSBackoff(),
        decoderLimits: RouterOSSentenceDecoder.Limits = RouterOSSentenceDecoder.Limits()
    ) {
        self.commandTimeout = commandTimeout
        self.connectTimeout = connectTimeout
        self.loginTimeout = loginTimeout
        self.maxConnections = max(1, maxConnections)
        self.loginMethod = loginMethod
        self.backoff = backoff
        self.decoderLimits = decoderLimits
    }
}
