import Foundation
import Testing

@testable import BillingCore

@Suite struct LocalDayCacheTests {
    @Test func aDayIsRememberedUntilLocalMidnight() throws {
        let zone = "Asia/Dhaka"
        let calendar = BillingCalendar(timeZone: try #require(TimeZone(identifier: zone)))
        var cache = LocalDayCache<Int>()
        #expect(cache.cachedKey(try date("2026-10-31 23:59", zone), for: 1) == nil)
        #expect(cache.key(try date("2026-10-31 00:00", zone), for: 1, calendar: calendar) == "2026-10-31")
        #expect(cache.cachedKey(try date("2026-10-31 23:59", zone), for: 1) == "2026-10-31")
        #expect(cache.cachedKey(try date("2026-11-01 00:00", zone), for: 1) == nil, "the next day is not the cached one")
        #expect(cache.cachedKey(try date("2026-10-30 23:59", zone), for: 1) == nil, "nor is the day before")
        #expect(cache.cachedKey(try date("2026-10-31 12:00", zone), for: 2) == nil, "days are kept per key")
        #expect(cache.key(try date("2026-11-01 00:00", zone), for: 1, calendar: calendar) == "2026-11-01")
        cache.removeAll()
        #expect(cache.cachedKey(try date("2026-11-01 01:00", zone), for: 1) == nil)
    }

    @Test func aDSTDayHasItsOwnLength() throws {
        // Europe/Berlin, 2026-03-29: clocks jump from 02:00 to 03:00, the day has 23 hours.
        let zone = "Europe/Berlin"
        let calendar = BillingCalendar(timeZone: try #require(TimeZone(identifier: zone)))
        var cache = LocalDayCache<Int>()
        #expect(cache.key(try date("2026-03-29 01:00", zone), for: 1, calendar: calendar) == "2026-03-29")
        #expect(cache.cachedKey(try date("2026-03-29 23:30", zone), for: 1) == "2026-03-29")
        #expect(cache.cachedKey(try date("2026-03-30 00:30", zone), for: 1) == nil)
    }
}
