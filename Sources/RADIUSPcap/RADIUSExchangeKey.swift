/// Identifies one outstanding RADIUS exchange: the client and server endpoints plus the
/// Identifier, which the server copies into its reply (RFC 2865 §3, RFC 5080 §2.2.2).
struct RADIUSExchangeKey: Hashable {
    var clientAddress: String
    var clientPort: UInt16
    var serverAddress: String
    var serverPort: UInt16
    var identifier: UInt8
}
