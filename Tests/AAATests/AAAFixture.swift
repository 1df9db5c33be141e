import AAA
import BillingCore
import Foundation
import NIOCore
import RADIUSCore
import Testing

/// A demo engine over the in-memory store with a real NT hash (MS-CHAP needs it), plus
/// builders for the requests a MikroTik NAS sends.
struct AAAFixture {
    struct NTHash: NTHasher {
        func ntHash(ofPassword password: String) -> [UInt8] { MSCHAP.ntPasswordHash(password) }
    }

    static let secret = SharedSecret("testing123")
    let engine: BillingEngine
    let demo: DemoDataSet
    let handler: AccessRequestHandler

    init() throws {
        engine = try BillingEngine(
            store: InMemoryBillingStore(), clock: ManualClock(Date(timeIntervalSince1970: 1_767_268_800)),
            sealer: InsecureTestSealer(), ntHasher: NTHash(), passwordHasher: InsecureTestPasswordHasher())
        demo = try DemoDataSet.build(into: engine)
        handler = AccessRequestHandler(engine: engine)
    }

    var nas: NASContext {
        get throws {
            let device = try #require(engine.radiusClient(demo.nasIDs[0]))
            return NASContext(device)
        }
    }

    static func papRequest(_ user: String, _ password: String) -> RADIUSPacket {
        var packet = RADIUSPacket(code: .accessRequest, identifier: 7, authenticator: .random())
        packet.append(.userName, user)
        let hidden = UserPasswordHiding.hide(Array(password.utf8), secret: secret, requestAuthenticator: packet.authenticator)
        packet.appendRaw(.userPassword, ByteBuffer(bytes: hidden))
        return packet
    }

    /// What a PPPoE client negotiating MS-CHAPv2 makes the NAS send (RFC 2759, RFC 2548 §2.3.2).
    static func msCHAPv2Request(_ user: String, _ password: String, ident: UInt8 = 9) -> (RADIUSPacket, [UInt8], [UInt8], [UInt8]) {
        let authenticatorChallenge = RADIUSAuthenticator.random().bytes
        let peerChallenge = RADIUSAuthenticator.random().bytes
        let ntResponse = MSCHAPv2.ntResponse(
            authenticatorChallenge: authenticatorChallenge, peerChallenge: peerChallenge, userName: Array(user.utf8),
            passwordHash: MSCHAP.ntPasswordHash(password))
        var packet = RADIUSPacket(code: .accessRequest, identifier: 8, authenticator: .random())
        packet.append(.userName, user)
        packet.append(.serviceType, 2)
        packet.appendRaw(.msCHAPChallenge, ByteBuffer(bytes: authenticatorChallenge))
        packet.appendRaw(.msCHAP2Response, ByteBuffer(bytes: MSCHAPv2.Response.encode(
            ident: ident, peerChallenge: peerChallenge, ntResponse: ntResponse)))
        return (packet, authenticatorChallenge, peerChallenge, ntResponse)
    }
}
