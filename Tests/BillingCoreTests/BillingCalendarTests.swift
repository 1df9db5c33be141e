import Foundation
import Testing

@testable import BillingCore

@Suite struct BillingCalendarTests {
    @Test func monthsKeepTheAnchorAcrossShortMonthsAndLeapYears() throws {
        let zone = "Asia/Dhaka"
        let calendar = BillingCalendar(timeZone: try #require(TimeZone(identifier: zone)))
        let january31 = try date("2024-01-31 10:00", zone)
        let february = calendar.end(of: .months(1), startingAt: january31, anchorDay: 31)
        #expect(february == (try date("2024-02-29 10:00", zone)))
        let march = calendar.end(of: .months(1), startingAt: february, anchorDay: 31)
        #expect(march == (try date("2024-03-31 10:00", zone)))
        let april = calendar.end(of: .months(1), startingAt: march, anchorDay: 31)
        #expect(april == (try date("2024-04-30 10:00", zone)))
        let nonLeap = calendar.end(of: .months(1), startingAt: try date("2025-01-31 10:00", zone), anchorDay: 31)
        #expect(nonLeap == (try date("2025-02-28 10:00", zone)))
        let yearEnd = calendar.end(of: .months(2), startingAt: try date("2025-12-15 08:30", zone), anchorDay: 15)
        #expect(yearEnd == (try date("2026-02-15 08:30", zone)))
    }

    @Test func daysKeepWallClockTimeAcrossDST() throws {
        let zone = "America/New_York"
        let calendar = BillingCalendar(timeZone: try #require(TimeZone(identifier: zone)))
        let beforeSpring = try date("2026-03-07 10:00", zone)
        let afterSpring = calendar.end(of: .days(1), startingAt: beforeSpring)
        #expect(afterSpring == (try date("2026-03-08 10:00", zone)))
        #expect(afterSpring.timeIntervalSince(beforeSpring) == 23 * 3600)
        let beforeFall = try date("2026-10-31 10:00", zone)
        let afterFall = calendar.end(of: .days(1), startingAt: beforeFall)
        #expect(afterFall.timeIntervalSince(beforeFall) == 25 * 3600)
        let thirty = calendar.end(of: .days(30), startingAt: try date("2026-02-20 23:30", zone))
        #expect(thirty == (try date("2026-03-22 23:30", zone)))
    }

    @Test func hoursAreExactSeconds() throws {
        let calendar = BillingCalendar(timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        let start = try date("2026-03-29 01:30", "Europe/Berlin")
        #expect(calendar.end(of: .hours(2), startingAt: start).timeIntervalSince(start) == 7200)
    }

    @Test func dayKeysAreLocal() throws {
        let calendar = BillingCalendar(timeZone: try #require(TimeZone(identifier: "America/New_York")))
        let utcEarlyMorning = Date(timeIntervalSince1970: 1_767_236_400)  // 2026-01-01 03:00 UTC
        #expect(calendar.dayKey(utcEarlyMorning) == "2025-12-31")
    }

    @Test func quotaPeriodsResetAtLocalBoundaries() throws {
        let zone = "Europe/Berlin"
        let calendar = BillingCalendar(timeZone: try #require(TimeZone(identifier: zone)))
        let instant = try date("2026-03-15 13:00", zone)
        #expect(calendar.quotaPeriodStart(.daily, containing: instant, activatedAt: nil) == (try date("2026-03-15 00:00", zone)))
        #expect(calendar.quotaPeriodStart(.monthly, containing: instant, activatedAt: nil) == (try date("2026-03-01 00:00", zone)))
        let start = try date("2026-03-01 00:00", zone)
        #expect(calendar.nextQuotaReset(.monthly, after: start) == (try date("2026-04-01 00:00", zone)))
        #expect(calendar.nextQuotaReset(.daily, after: try date("2026-03-29 00:00", zone)) == (try date("2026-03-30 00:00", zone)))
    }

    @Test func renewalThroughTheEngineUsesTheTenancyZone() throws {
        let zone = "America/New_York"
        let f = try EngineFixture(start: try date("2024-01-31 10:00", zone), timeZone: zone)
        let monthly = try f.engine.createPackage(PackageSpec(name: "Monthly", rateLimit: "1M", validity: .months(1)),
                                                 isp: f.demo.ispID, by: f.demo.adminID)
        let subscriber = try f.engine.createSubscriber(
            SubscriberSpec(username: "m1", password: "p", packageID: monthly.id), isp: f.demo.ispID, by: f.demo.adminID)
        let first = try f.engine.renew(subscriber.id, idempotencyKey: "m1-1", by: f.demo.adminID)
        #expect(first.subscriber?.expiresAt == (try date("2024-02-29 10:00", zone)))
        let second = try f.engine.renew(subscriber.id, idempotencyKey: "m1-2", by: f.demo.adminID)
        #expect(second.subscriber?.expiresAt == (try date("2024-03-31 10:00", zone)))
        #expect(second.sale.kind == .renewal && first.sale.kind == .activation)
    }
}
