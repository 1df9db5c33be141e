import Foundation
import Testing

@testable import BillingCore

/// A device re-dialling after its Stop was lost is not held to Simultaneous-Use by its own stale
/// session; another device still is.
@Suite struct DecisionRedialTests {
    @Test func sameDeviceOnTheSameNASMayRedial() throws {
        let fixture = try EngineFixture()
        try fixture.engine.applyAccounting([AccountingRecord(
            nasID: fixture.nas, status: .start, sessionID: "81000001", username: "basic1",
            callingStationID: "D4:CA:6D:00:70:01", eventTime: fixture.engine.now)])
        #expect(fixture.decide("basic1", mac: "D4-CA-6D-00-70-01").decision.reason == .ok)
        #expect(fixture.decide("basic1", mac: "D4:CA:6D:00:70:02").decision.reason == .simultaneousUseExceeded)
        #expect(fixture.decide("basic1").decision.reason == .simultaneousUseExceeded)
    }
}
