import Foundation
import NIOCore
import RADIUSCore
import Testing
import TestSupport

/// Every file of `conformance/fuzz-corpus` goes through the decoders without trapping; inputs
/// named `-error` must be refused by the decoder (packets) or come back raw (attribute lists).
@Suite struct FuzzCorpusTests {
    @Test func everyCorpusFileDecodesWithoutTrapping() throws {
        let files = try Conformance.files(under: "fuzz-corpus")
        #expect(files.count >= 250)
        var decodedPackets = 0
        for file in files {
            let bytes = ByteBuffer(bytes: try Data(contentsOf: file))
            if let packet = try? RADIUSPacket(decoding: bytes) {
                decodedPackets += 1
                let structured = AttributeDecoder(schema: EmptyAttributeSchema(), secret: SharedSecret("testing123"), requestAuthenticator: packet.authenticator).decode(packet.attributes)
                _ = try? AttributeEncoder(schema: EmptyAttributeSchema()).encode(structured)
                _ = CredentialCheck.check(packet, secret: SharedSecret("testing123"), credential: .cleartext("x"))
            }
            if let attributes = try? RADIUSAttribute.parseList(bytes) {
                _ = AttributeDecoder(schema: EmptyAttributeSchema()).decode(attributes)
            }
            if file.path.contains("/packets/"), file.lastPathComponent.contains("-error") {
                let header = try? RADIUSPacketHeader.validate(bytes)
                let verified = header.map { (try? PacketVerifier.verifyRequest(bytes, header: $0, secret: SharedSecret("testing123"))) != nil }
                #expect(verified != true, "\(file.lastPathComponent) should be refused")
            }
        }
        #expect(decodedPackets >= 40)
    }
}
