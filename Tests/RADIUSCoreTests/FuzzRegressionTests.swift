import NIOCore
import RADIUSCore
import Testing
import TestSupport

/// Inputs libFuzzer found that once trapped (`scripts/fuzz`); each stays a named test.
@Suite struct FuzzRegressionTests {
    /// crash-a3764d21…: a Tunnel-Password whose decrypted length octet is 0 made
    /// `TunnelPasswordHiding.reveal` build the range `1...0` and trap. Found by the second
    /// `scripts/fuzz` run after about a minute.
    static let tunnelPasswordZeroLengthInput = [
        "0312020000000000000303070302fc0302d700040402020203023d046000f3030345f5040402f50303f5040202045b04",
        "040404040404f30303f5040400f50402f303030303fce80303025c0303616161005c5362626262feffffffffffffff62",
        "40006262626262626262626262626262feffffffffffffff626262626262626262626262626262626262626262626262",
        "626262626262626262626262626262626262626262626262626262005c53636363636363636363636363000000000000",
        "00026363636363636363636363abcd610a003520010db8abcd6363636363636363636363636363636363636363636363",
        "63636363636363636b65796c6503030303025c040402f50303040202046000f30303f5040402f50303f50402000be113",
        "0c6d792070726f66696c651a0c00000be11006000000051a0c00000137070600000194000000011a2a00f7dc0fd758b0",
        "2d3706000d2f00508ec93c678a5fa3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8525",
        "749016edede8eeea0e4f0603fc0004501200e9e565eb05020404040404040404f30303f5040402f50303040202046000",
        "6369706865726565645f636f756ef5040402f50303f5047072918f6572746965730303f5040402f50303040202023d04",
        "6000f30303f5040402000303040202046000f50402f3030304f50303f5040402040404f5030202040402f50302d60404",
        "0202046000f30303f5040402f5030304030246042a0404044403030303030303030372",
    ].joined()

    @Test func tunnelPasswordWithZeroLengthOctetDoesNotTrap() throws {
        let secret = SharedSecret("testing123")
        let authenticator = RADIUSAuthenticator.zero
        // Salt 0x8000 and a ciphertext equal to the first key block: the plaintext is all zeros.
        let key = CryptoPrimitives.md5(secret.bytes, authenticator.bytes + [0x80, 0x00])
        let hidden = [0x80, 0x00] + key
        #expect(TunnelPasswordHiding.reveal(hidden, secret: secret, requestAuthenticator: authenticator) == [])

        let attributes = [RADIUSAttribute(type: 69, bytes: [0] + hidden)]
        let definition = AttributeDefinition(
            name: "Tunnel-Password", oid: AttributeOID(type: 69), dataType: .string, encryption: .tunnelPassword, hasTag: true)
        let decoded = AttributeDecoder(schema: TestSchema([definition]), secret: secret, requestAuthenticator: authenticator)
            .decode(attributes)
        #expect(decoded.first?.value == .text(""), "an empty Tunnel-Password decodes as empty text")
    }

    @Test func fuzzInputA3764d21DecodesWithoutTrapping() throws {
        // The harness path: an Access-Reject whose attributes are decoded with its own authenticator.
        let bytes = Hex.buffer(Self.tunnelPasswordZeroLengthInput)
        #expect(bytes.readableBytes == 563)
        let packet = try RADIUSPacket(decoding: bytes)
        let definition = AttributeDefinition(
            name: "Tunnel-Password", oid: AttributeOID(type: 69), dataType: .string, encryption: .tunnelPassword, hasTag: true)
        let decoded = AttributeDecoder(schema: TestSchema([definition]), secret: SharedSecret("testing123"), requestAuthenticator: packet.authenticator)
            .decode(packet.attributes)
        #expect(decoded.contains { $0.oid == AttributeOID(type: 69) })
    }
}
