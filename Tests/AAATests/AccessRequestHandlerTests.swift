import AAA
import BillingCore
import NIOCore
import RADIUSCore
import Testing

@Suite struct AccessRequestHandlerTests {
    @Test func papAcceptCarriesThePackageReply() throws {
        let fixture = try AAAFixture()
        let result = fixture.handler.authenticate(AAAFixture.papRequest("basic1", "basic1pass"), nas: try fixture.nas)
        #expect(result.reply.code == .accessAccept)
        #expect(result.reason == .ok)
        #expect(result.reply[.mikrotikRateLimit] == "5M/5M")
        #expect(result.reply[.sessionTimeout].map { $0 > 0 && $0 <= 31 * 86_400 } == true)
        #expect(result.reply.contains(.class))
        #expect(result.reply.identifier == 7)
    }

    @Test func premiumGetsTheFullRateLimitGrammarAndItsStaticAddress() throws {
        let fixture = try AAAFixture()
        let result = fixture.handler.authenticate(AAAFixture.papRequest("premium1", "premium1pass"), nas: try fixture.nas)
        #expect(result.reply[.mikrotikRateLimit] == "20M/20M 40M/40M 16M/16M 10/10 5 10M/10M")
        #expect(result.reply[.framedIPAddress] == IPv4Address("10.10.0.10"))
        #expect(!result.reply.contains(.framedPool), "Framed-IP-Address and Framed-Pool must not both be sent")
    }

    @Test(arguments: [
        ("basic1", "wrong", DecisionReason.badPassword),
        ("nobody", "x", DecisionReason.unknownUser),
        ("expired1", "expired1pass", DecisionReason.expired),
        ("suspended1", "suspended1pass", DecisionReason.suspended),
    ])
    func rejectsSayWhy(user: String, password: String, reason: DecisionReason) throws {
        let fixture = try AAAFixture()
        let result = fixture.handler.authenticate(AAAFixture.papRequest(user, password), nas: try fixture.nas)
        #expect(result.reply.code == .accessReject)
        #expect(result.reason == reason)
        #expect(result.reply[.replyMessage]?.isEmpty == false)
        #expect(!result.reply.contains(.mikrotikRateLimit))
    }

    @Test func wrongPasswordHidesTheAccountState() throws {
        let fixture = try AAAFixture()
        let result = fixture.handler.authenticate(AAAFixture.papRequest("expired1", "guess"), nas: try fixture.nas)
        #expect(result.reason == .badPassword, "a wrong password must not learn that the account expired")
    }

    @Test func msCHAPv2AcceptProvesTheServerAndGivesMPPEKeys() throws {
        let fixture = try AAAFixture()
        let (request, authenticatorChallenge, peerChallenge, ntResponse) = AAAFixture.msCHAPv2Request("std1", "std1pass")
        let result = fixture.handler.authenticate(request, nas: try fixture.nas)
        #expect(result.reply.code == .accessAccept)
        #expect(result.method == "mschapv2")
        let expected = MSCHAPv2.authenticatorResponse(
            passwordHash: MSCHAP.ntPasswordHash("std1pass"), ntResponse: ntResponse, peerChallenge: peerChallenge,
            authenticatorChallenge: authenticatorChallenge, userName: Array("std1".utf8))
        let success = try #require(result.reply.rawValue(of: .msCHAP2Success))
        #expect(success.getBytes(at: success.readerIndex, length: success.readableBytes) == MSCHAPv2.successValue(
            ident: 9, authenticatorResponse: expected))
        #expect(result.reply.contains(.msMPPESendKey))
        #expect(result.reply.contains(.msMPPERecvKey))
    }

    @Test func msCHAPv2WrongPasswordGetsError691() throws {
        let fixture = try AAAFixture()
        let (request, _, _, _) = AAAFixture.msCHAPv2Request("std1", "nope", ident: 4)
        let result = fixture.handler.authenticate(request, nas: try fixture.nas)
        #expect(result.reply.code == .accessReject)
        let error = try #require(result.reply.rawValue(of: .msCHAPError))
        let bytes = error.getBytes(at: error.readerIndex, length: error.readableBytes) ?? []
        #expect(bytes.first == 4)
        #expect(String(decoding: bytes.dropFirst(), as: UTF8.self).hasPrefix("E=691 R=0"))
    }

    @Test func msCHAPv2SuspendedGetsAccountDisabled() throws {
        let fixture = try AAAFixture()
        let (request, _, _, _) = AAAFixture.msCHAPv2Request("suspended1", "suspended1pass")
        let result = fixture.handler.authenticate(request, nas: try fixture.nas)
        let error = try #require(result.reply.rawValue(of: .msCHAPError))
        let text = String(decoding: (error.getBytes(at: error.readerIndex, length: error.readableBytes) ?? []).dropFirst(), as: UTF8.self)
        #expect(text.hasPrefix("E=647"))
    }

    @Test func proxyStateIsEchoedInOrder() throws {
        let fixture = try AAAFixture()
        var request = AAAFixture.papRequest("basic1", "basic1pass")
        request.attributes.append(RADIUSAttribute(type: 33, bytes: [1, 2, 3]))
        request.attributes.append(RADIUSAttribute(type: 33, bytes: [4]))
        let result = fixture.handler.authenticate(request, nas: try fixture.nas)
        #expect(result.reply.attributes.filter { $0.type == 33 }.map(\.bytes) == [[1, 2, 3], [4]])
    }

    @Test func anotherISPsNASDoesNotKnowTheUser() throws {
        let fixture = try AAAFixture()
        var foreign = try fixture.nas
        foreign.nasID = NASID(999_999)
        let result = fixture.handler.authenticate(AAAFixture.papRequest("basic1", "basic1pass"), nas: foreign)
        #expect(result.reply.code == .accessReject)
    }
}
