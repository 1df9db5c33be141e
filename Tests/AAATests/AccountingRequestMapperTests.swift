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
}
