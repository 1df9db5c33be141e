import AAA
import BillingCore
import NIOCore
import RADIUSCore
import Testing

@Suite struct AccessReplyBuilderTests {
    @Test func remainingQuotaIsSplitIntoTotalLimitAndGigawords() {
        var reply = RADIUSPacket(code: .accessAccept, identifier: 1)
        AccessReplyBuilder.apply(ReplyParameters(remainingQuotaBytes: 5 * (1 << 32) + 1234), to: &reply)
        #expect(reply[.mikrotikTotalLimit] == 1234)
        #expect(reply[.mikrotikTotalLimitGigawords] == 5)
    }

    @Test func poolIsSentOnlyWithoutAStaticAddress() {
        var reply = RADIUSPacket(code: .accessAccept, identifier: 1)
        AccessReplyBuilder.apply(ReplyParameters(poolName: "expired-pool", addressList: "expired"), to: &reply)
        #expect(reply[.framedPool] == "expired-pool")
        #expect(reply[.mikrotikAddressList] == "expired")
        #expect(!reply.contains(.framedIPAddress))
    }

    @Test func timeoutsAndInterimAreCopied() {
        var reply = RADIUSPacket(code: .accessAccept, identifier: 1)
        AccessReplyBuilder.apply(ReplyParameters(sessionTimeout: 600, idleTimeout: 300, interimInterval: 120), to: &reply)
        #expect(reply[.sessionTimeout] == 600)
        #expect(reply[.idleTimeout] == 300)
        #expect(reply[.acctInterimInterval] == 120)
    }

    @Test("Class ties accounting to the decision: uplink:s=<subscriber>;p=<package>")
    func classNamesSubscriberAndPackage() {
        var reply = RADIUSPacket(code: .accessAccept, identifier: 1)
        AccessReplyBuilder.apply(
            ReplyParameters(packageID: PackageID(3), subscriberID: SubscriberID(9_876_543_210)), to: &reply)
        #expect(reply.rawValue(of: .class).map { String(buffer: $0) } == "uplink:s=9876543210;p=3")
        #expect(AccessReplyBuilder.classValue(subscriber: SubscriberID(0), package: nil) == "uplink:s=0")
        #expect(AccessReplyBuilder.classValue(subscriber: SubscriberID(Int64.max), package: PackageID(10))
            == "uplink:s=9223372036854775807;p=10")
    }
}
