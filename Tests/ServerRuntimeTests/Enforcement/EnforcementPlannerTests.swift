import BillingCore
import Foundation
import RADIUSCore
import RADIUSNIO
import Testing

@testable import ServerRuntime

/// Which request each event becomes, and what a CoA carries (pure).
@Suite("EnforcementPlanner")
struct EnforcementPlannerTests {
    static let now = Date(timeIntervalSince1970: 1_767_268_800)

    static func event(_ action: EnforcementAction, trigger: EnforcementTrigger = .packageChanged) -> EnforcementEvent {
        EnforcementEvent(
            id: EventID(1), createdAt: now, subscriberID: SubscriberID(7), ispID: ISPID(2), username: "alice",
            trigger: trigger, action: action, outcome: nil, completedAt: nil)
    }

    static func session(_ id: String, startedAt: Date) -> AccountingSession {
        AccountingSession(
            nasID: NASID(3), sessionID: id, ispID: ISPID(2), subscriberID: SubscriberID(7),
            username: "alice", startedAt: startedAt, updatedAt: startedAt, stoppedAt: nil, uploadBytes: 0,
            downloadBytes: 0, inputPackets: 0, outputPackets: 0, sessionTime: 0, framedIPAddress: "10.10.0.5",
            framedIPv6Prefix: nil, callingStationID: nil, nasPort: nil, nasPortID: nil, terminateCause: nil,
            closeReason: nil)
    }

    static let reply = ReplyParameters(
        rateLimit: try? RateLimit(parsing: "2M/10M"), group: "home", poolName: "pool-a", staticIPv4: "10.1.1.1",
        sessionTimeout: 3600, idleTimeout: 600, interimInterval: 300, addressList: "paid", remainingQuotaBytes: 1000)

    @Test("a CoA carries only attributes RouterOS can change live: rate limit, group, timeouts")
    func coaAttributes() throws {
        var packet = RADIUSPacket(code: .coaRequest, identifier: 1)
        packet.attributes = EnforcementPlanner.coaAttributes(for: Self.reply)
        #expect(packet[.mikrotikRateLimit] == "2M/10M")
        #expect(packet[.mikrotikGroup] == "home")
        #expect(packet[.sessionTimeout] == 3600)
        #expect(packet[.idleTimeout] == 600)
        #expect(packet.attributes.count == 4)
        #expect(!packet.contains(.framedPool))
        #expect(!packet.contains(.framedIPAddress))
        #expect(!packet.contains(.mikrotikAddressList))
    }

    @Test("disconnect events, and CoA events whose subscriber is now rejected or gone, disconnect")
    func kinds() {
        let sessions = [Self.session("b", startedAt: Self.now), Self.session("a", startedAt: Self.now.addingTimeInterval(-60))]
        let accept = AccessDecision.accept(Self.reply)
        let reject = AccessDecision.reject(.suspended, message: "Suspended")
        let disconnect = EnforcementPlanner.steps(for: Self.event(.disconnect), sessions: sessions, nas: { _ in nil }, decision: accept)
        #expect(disconnect.map(\.kind) == [.disconnect, .disconnect])
        #expect(disconnect.map(\.session.sessionID) == ["a", "b"])
        #expect(disconnect.allSatisfy { $0.attributes.isEmpty })
        let coa = EnforcementPlanner.steps(for: Self.event(.changeAuthorization), sessions: sessions, nas: { _ in nil }, decision: accept)
        #expect(coa.map(\.kind) == [.changeOfAuthorization, .changeOfAuthorization])
        #expect(coa.first?.attributes.count == 4)
        let rejected = EnforcementPlanner.steps(for: Self.event(.changeAuthorization), sessions: sessions, nas: { _ in nil }, decision: reject)
        #expect(rejected.map(\.kind) == [.disconnect, .disconnect])
        let deleted = EnforcementPlanner.steps(for: Self.event(.changeAuthorization), sessions: sessions, nas: { _ in nil }, decision: nil)
        #expect(deleted.map(\.kind) == [.disconnect, .disconnect])
    }

    @Test("outcomes of several sessions combine to the worst one")
    func combinedOutcome() {
        #expect(EnforcementExecutor.combined([.acknowledged, .acknowledged]) == .acknowledged)
        #expect(EnforcementExecutor.combined([.acknowledged, .noSession]) == .acknowledged)
        #expect(EnforcementExecutor.combined([.acknowledged, .fallbackUsed]) == .fallbackUsed)
        #expect(EnforcementExecutor.combined([.fallbackUsed, .nakReceived]) == .nakReceived)
        #expect(EnforcementExecutor.combined([.nakReceived, .failed, .acknowledged]) == .failed)
        #expect(EnforcementExecutor.combined([]) == .noSession)
    }
}
