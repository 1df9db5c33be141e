import AAA
import BillingCore
import Foundation
import NIOCore
import RADIUSCore
import Testing

/// Tenancy and MAC authentication through the real `AccessRequestHandler` over an in-memory
/// engine: the demo ISP plus a second ISP of the same tenancy that also has a subscriber called
/// `basic1` (different password, different package), each ISP with its own NAS.
@Suite("AccessRequestHandler: tenancy and MAC login")
struct AccessRequestTenancyTests {
    static let otherSecret = SharedSecret("other-isp-secret")

    let engine: BillingEngine
    let demo: DemoDataSet
    let demoNAS: NASContext
    let otherNAS: NASContext
    let otherISP: ISPID

    init() throws {
        engine = try BillingEngine(
            store: InMemoryBillingStore(), clock: ManualClock(Date(timeIntervalSince1970: 1_767_268_800)),
            sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
            passwordHasher: InsecureTestPasswordHasher())
        demo = try DemoDataSet.build(into: engine)
        let (isp, admin) = try engine.createISP(
            name: "Other ISP", in: demo.tenancyID,
            admin: NewAccount(email: "admin@other.test", password: "password", displayName: "Other Admin"),
            by: demo.superAdminID)
        otherISP = isp.id
        _ = try engine.createNAS(NASSpec(name: "other-nas", address: "127.0.0.2", secret: "other-isp-secret"),
                                 isp: isp.id, by: admin.id)
        let package = try engine.createPackage(
            PackageSpec(name: "Other", rateLimit: "1M/1M"), isp: isp.id, by: admin.id)
        _ = try engine.createSubscribers(
            [SubscriberSpec(username: "basic1", password: "other-pass", packageID: package.id)],
            isp: isp.id, activate: true, by: admin.id)
        let contexts = engine.radiusClients().map(NASContext.init)
        let demoISP = demo.ispID
        demoNAS = try #require(contexts.first { $0.ispID == demoISP })
        otherNAS = try #require(contexts.first { $0.ispID == isp.id })
    }

    /// A PAP Access-Request as it passed the listener's checks.
    static func papRequest(_ user: String, _ password: String, secret: SharedSecret, callingStation: String? = nil)
        -> RADIUSPacket
    {
        var packet = RADIUSPacket(code: .accessRequest, identifier: 9, authenticator: .random())
        packet.append(.userName, user)
        packet.appendRaw(.userPassword, ByteBuffer(bytes: UserPasswordHiding.hide(
            Array(password.utf8), secret: secret, requestAuthenticator: packet.authenticator)))
        if let callingStation { packet.append(.callingStationId, callingStation) }
        return packet
    }

    func authenticate(_ user: String, _ password: String, via nas: NASContext, callingStation: String? = nil)
        -> AuthenticationResult
    {
        AccessRequestHandler(engine: engine).authenticate(
            Self.papRequest(user, password, secret: nas.secret, callingStation: callingStation), nas: nas)
    }

    @Test func eachNASAuthenticatesOnlyItsOwnISPsSubscriber() {
        let demoAccept = authenticate("basic1", "basic1pass", via: demoNAS)
        #expect(demoAccept.isAccept)
        #expect(demoAccept.reply[.mikrotikRateLimit] == "5M/5M")
        #expect(demoAccept.subscriberID == demo.subscribers["basic1"])

        let otherAccept = authenticate("basic1", "other-pass", via: otherNAS)
        #expect(otherAccept.isAccept)
        #expect(otherAccept.reply[.mikrotikRateLimit] == "1M/1M")
        #expect(otherAccept.subscriberID != demo.subscribers["basic1"])
    }

    @Test func theOtherISPsPasswordDoesNotWorkAcrossTheBoundary() {
        let crossToDemo = authenticate("basic1", "other-pass", via: demoNAS)
        #expect(!crossToDemo.isAccept)
        #expect(crossToDemo.reason == .badPassword)
        let crossToOther = authenticate("basic1", "basic1pass", via: otherNAS)
        #expect(!crossToOther.isAccept)
        #expect(crossToOther.reason == .badPassword)
    }

    @Test func aSubscriberOnlyInTheDemoISPIsUnknownToTheOtherNAS() {
        let result = authenticate("std1", "std1pass", via: otherNAS)
        #expect(!result.isAccept)
        #expect(result.reason == .unknownUser)
        #expect(result.subscriberID == nil)
    }

    @Test func aMACBindingIsOnlyFoundThroughItsOwnISPsNAS() throws {
        let std1 = try #require(demo.subscribers["std1"])
        _ = try engine.updateSubscriber(std1, SubscriberUpdate(macBinding: "BC:24:11:EB:56:4D"), by: demo.adminID)
        let viaDemo = authenticate("BC-24-11-EB-56-4D", "", via: demoNAS, callingStation: "BC-24-11-EB-56-4D")
        #expect(viaDemo.isAccept)
        #expect(viaDemo.method == "mac")
        let viaOther = authenticate("BC-24-11-EB-56-4D", "", via: otherNAS, callingStation: "BC-24-11-EB-56-4D")
        #expect(!viaOther.isAccept)
        #expect(viaOther.reason == .unknownUser)
    }

    /// A subscriber whose user name happens to look like a MAC, with a real password and no MAC
    /// binding, must not be let in by a PAP request with an empty password: MAC authentication
    /// needs a registered MAC.
    @Test func aMACShapedUserNameWithoutBindingStillNeedsItsPassword() throws {
        _ = try engine.createSubscribers(
            [SubscriberSpec(username: "cafe00beef01", password: "a-real-password", packageID: demo.basicID)],
            isp: demo.ispID, activate: true, by: demo.adminID)
        let empty = authenticate("cafe00beef01", "", via: demoNAS)
        #expect(!empty.isAccept)
        let asItself = authenticate("cafe00beef01", "cafe00beef01", via: demoNAS)
        #expect(!asItself.isAccept)
        let right = authenticate("cafe00beef01", "a-real-password", via: demoNAS)
        #expect(right.isAccept)
    }
}
