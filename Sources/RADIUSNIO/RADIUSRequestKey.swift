/// What makes two datagrams "the same request" for duplicate detection (RFC 5080 §2.2.2):
/// source IP address, source UDP port, Identifier and Request Authenticator.
struct RADIUSRequestKey: Hashable, Sendable {
    var source: NetworkAddress
    var port: UInt16
    var identifier: UInt8
    var authenticatorHigh: UInt64
    var authenticatorLow: UInt64

    init(source: NetworkAddress, port: UInt16, header: RADIUSDatagramHeader) {
        self.source = source
        self.port = port
        self.identifier = header.identifier
        self.authenticatorHigh = header.authenticatorHigh
        self.authenticatorLow = header.authenticatorLow
    }

    /// Hashes the Request Authenticator's low half with the port and Identifier only: the
    /// authenticator is random (Access-Request) or an MD5 hash (accounting), so it already
    /// spreads the keys, and each request touches the duplicate cache four times. Equality still
    /// compares every field.
    func hash(into hasher: inout Hasher) {
        hasher.combine(authenticatorLow ^ (UInt64(port) << 8 | UInt64(identifier)))
    }
}
