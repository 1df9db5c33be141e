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
}
