import AAA
import BillingCore
import Foundation
import RADIUSCore
import Testing

@Suite struct AccountingRequestMapperTests {
    let nas = NASContext(
        nasID: NASID(1), ispID: ISPID(2), secret: SharedSecret("s"), nasIdentifier: nil,
        requireMessageAuthenticator: false, counterDirection: .standard)

    @Test func countersCombineGigawordsPast4GiB() throws {
        var packet = RADIUSPacket(code: .accountingRequest, identifier: 1)
        packet.append(.acctStatusType, 3)
        packet.append(.acctSessionId, "80100014")
        packet.append(.userName, "basic1")
        packet.append(.acctInputOctets, 10)
        packet.append(.acctInputGigawords, 2)
        packet.append(.acctOutputOctets, UInt32.max)
        packet.append(.acctOutputGigawords, 1)
        let record = try AccountingRequestMapper.record(packet, nas: nas, receivedAt: Date()).get()
        #expect(record.status == .interimUpdate)
        #expect(record.inputOctets == 2 * (1 << 32) + 10)
        #expect(record.outputOctets == (1 << 33) - 1)
    }

    @Test func eventTimeComesFromDelayWhenNoTimestamp() throws {
        var packet = RADIUSPacket(code: .accountingRequest, identifier: 1)
        packet.append(.acctStatusType, 1)
        packet.append(.acctSessionId, "a")
        packet.append(.acctDelayTime, 30)
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        let record = try AccountingRequestMapper.record(packet, nas: nas, receivedAt: now).get()
        #expect(record.eventTime == now.addingTimeInterval(-30))
    }

    @Test func sessionsNeedASessionIDButAccountingOnDoesNot() throws {
        var start = RADIUSPacket(code: .accountingRequest, identifier: 1)
        start.append(.acctStatusType, 1)
        #expect(throws: AccountingRequestMapper.Problem.missingSessionID) {
            try AccountingRequestMapper.record(start, nas: nas, receivedAt: Date()).get()
        }
        var on = RADIUSPacket(code: .accountingRequest, identifier: 1)
        on.append(.acctStatusType, 7)
        #expect(try AccountingRequestMapper.record(on, nas: nas, receivedAt: Date()).get().status == .accountingOn)
    }

    @Test("every field is read in one pass; the first of a repeated attribute counts, as for the subscript")
    func everyFieldAndFirstOccurrence() throws {
        var packet = RADIUSPacket(code: .accountingRequest, identifier: 1)
        packet.append(.acctStatusType, 2)
        packet.append(.acctSessionId, "81a00003")
        packet.append(.userName, "std1")
        packet.append(.userName, "someone-else")
        packet.append(.nasPort, 15_728_643)
        packet.append(.nasPortId, "ether2-clients")
        packet.append(.callingStationId, "AA:BB:CC:DD:EE:FF")
        packet.append(.framedIPAddress, IPv4Address(0x0A0A_0005))
        packet.append(.framedIPv6Prefix, try #require(IPv6Prefix("2001:db8:1::/64")))
        packet.append(.delegatedIPv6Prefix, try #require(IPv6Prefix("2001:db8:100::/56")))
        packet.append(.acctInputPackets, 1200)
        packet.append(.acctOutputPackets, 3400)
        packet.append(.acctSessionTime, 3600)
        packet.append(.acctTerminateCause, 1)
        packet.append(.eventTimestamp, 1_800_000_000)
        packet.append(.acctDelayTime, 99)  // ignored: Event-Timestamp says when
        packet.append(.mikrotikRateLimit, "1M/1M")  // a VSA: not part of the record
        let record = try AccountingRequestMapper.record(packet, nas: nas, receivedAt: Date()).get()
        #expect(record.status == .stop)
        #expect(record.sessionID == "81a00003")
        #expect(record.username == "std1")
        #expect(record.nasPort == 15_728_643)
        #expect(record.nasPortID == "ether2-clients")
        #expect(record.callingStationID == "AA:BB:CC:DD:EE:FF")
        #expect(record.framedIPAddress == "10.10.0.5")
        #expect(record.framedIPv6Prefix == "2001:db8:100::/56")  // the delegated prefix wins
        #expect(record.inputPackets == 1200 && record.outputPackets == 3400)
        #expect(record.sessionTime == 3600)
        #expect(record.terminateCause == 1)
        #expect(record.eventTime == Date(timeIntervalSince1970: 1_800_000_000))
    }
}
