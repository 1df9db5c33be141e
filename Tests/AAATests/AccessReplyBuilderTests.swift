import AAA
import BillingCore
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
}
