import NIOCore
import RADIUSCore

/// One Disconnect-Request or CoA-Request to send: where, with which secret, about which session,
/// and (for CoA) the new authorization attributes.
public struct CoARequest: Sendable {
    /// Disconnect or CoA.
    public var kind: CoARequestKind
    /// The NAS's Dynamic Authorization Server address and port (RouterOS `/radius incoming`, 3799).
    public var destination: SocketAddress
    /// The shared secret of the NAS (RFC 5176 §2.3 uses the same secret as RADIUS).
    public var secret: SharedSecret
    /// Which session the request is about.
    public var session: CoASessionIdentity
    /// Further attributes: for CoA the authorization to apply (e.g. Mikrotik-Rate-Limit).
    public var attributes: [RADIUSAttribute]

    /// Creates a request.
    public init(
        kind: CoARequestKind, destination: SocketAddress, secret: SharedSecret, session: CoASessionIdentity,
        attributes: [RADIUSAttribute] = []
    ) {
        self.kind = kind
        self.destination = destination
        self.secret = secret
        self.session = session
        self.attributes = attributes
    }

    /// The unsigned packet with `identifier`: session identification first, then `attributes`.
    public func packet(identifier: UInt8) -> RADIUSPacket {
        var packet = RADIUSPacket(code: kind.requestCode, identifier: identifier)
        session.append(to: &packet)
        packet.attributes += attributes
        return packet
    }

    /// The datagram to send: Message-Authenticator first (RFC 3579 §3.2, computed with a zero
    /// Request Authenticator as RFC 5176 §3.5 says), then the Request Authenticator of RFC 5176
    /// §2.3 — MD5(Code ‖ Identifier ‖ Length ‖ 16 zero octets ‖ Attributes ‖ Secret).
    public func datagram(identifier: UInt8) -> ByteBuffer {
        packet(identifier: identifier).signed(secret: secret, messageAuthenticator: true)
    }
}
