import BillingCore
import BillingStoreSQLite
import Foundation
import Reporting
import Testing

/// Every report over the `ReportWorld` data set, against totals computed by hand.
@Suite struct ReportServiceTests {
    let january = ReportFilters(from: "2026-01", to: "2026-01")

    @Test func usagePerDaySplitsAtLocalMidnightAndKeepsLargeCounters() throws {
        let world = try ReportWorld()
        let result = try world.run(.usage, january)
        #expect(result.texts("customer") == ["ali", "bina", "dave", "eve"])
        #expect(result.texts("day") == ["2026-01-31", "2026-01-15", "2026-01-31", "2026-01-05"])
        #expect(result.column("upload") == [.bytes(1_000_000_000), .bytes(100), .bytes(4_294_967_306), .bytes(50)])
        #expect(result.column("download") == [.bytes(2_000_000_000), .bytes(200), .bytes(1000), .bytes(60)])
        // ali: 22:00–24:00 local of a 22:00–02:00 session; dave: 23:00–24:00 UTC of 23:00–00:30.
        #expect(result.column("session_time") == [.seconds(7200), .seconds(3600), .seconds(3600), .seconds(600)])
        #expect(result.total("upload") == .bytes(5_294_967_456))
        #expect(result.total("total") == .bytes(7_294_968_716))
        #expect(result.total("session_time") == .seconds(15_000))
    }

    @Test func usageInFebruaryHasTheOtherHalfOfTheMidnightSessions() throws {
        let world = try ReportWorld()
        let result = try world.run(.usage, ReportFilters(from: "2026-02-01", to: "2026-02-28"))
        #expect(result.texts("customer") == ["ali", "ali", "dave"])
        #expect(result.texts("day") == ["2026-02-01", "2026-02-04", "2026-02-01"])
        #expect(result.column("upload") == [.bytes(4_000_000_000), .bytes(1000), .bytes(90)])
        #expect(result.column("session_time") == [.seconds(7200), .seconds(3600), .seconds(1800)])
    }

    @Test func usagePerMonthAddsTheDays() throws {
        let world = try ReportWorld()
        let result = try world.run(.usage, ReportFilters(customer: "ali", from: "2026-01-01", to: "2026-02-28", by: "month"))
        #expect(result.texts("month") == ["2026-01", "2026-02"])
        #expect(result.column("total") == [.bytes(3_000_000_000), .bytes(9_000_004_000)])
        #expect(result.column("session_time") == [.seconds(7200), .seconds(10_800)])
    }

    @Test func usageIsScopedByTheActorsRole() throws {
        let world = try ReportWorld()
        let operatorView = try world.run(.usage, january, as: .email("opa@example.test"))
        #expect(operatorView.texts("customer") == ["ali", "bina"])
        let subOperatorView = try world.run(.usage, january, as: .email("suba@example.test"))
        #expect(subOperatorView.texts("customer") == ["bina"])
        let adminView = try world.run(.usage, january, as: .email("adminbeta@example.test"))
        #expect(adminView.texts("customer") == ["dave", "eve"])
        let operatorFilter = try world.run(.usage, ReportFilters(operator: "opa@example.test", from: "2026-01", to: "2026-01"))
        #expect(operatorFilter.texts("customer") == ["ali", "bina"])
        let outsider = try world.run(.usage, ReportFilters(operator: "opb@example.test", from: "2026-01", to: "2026-01"),
                                     as: .email("opa@example.test"))
        #expect(outsider.rows.isEmpty)
        #expect(outsider.totals == nil)
    }

    @Test func topRanksByBytesOrTime() throws {
        let world = try ReportWorld()
        let bytes = try world.run(.top, january)
        #expect(bytes.texts("customer") == ["dave", "ali", "bina", "eve"])
        #expect(bytes.column("rank") == [.integer(1), .integer(2), .integer(3), .integer(4)])
        let time = try world.run(.top, ReportFilters(from: "2026-01", to: "2026-01", limit: 2, by: "time"))
        #expect(time.texts("customer") == ["ali", "bina"])
        #expect(time.column("session_time") == [.seconds(7200), .seconds(3600)])
    }

    @Test func sessionsListsHistoryNewestFirstWithCauses() throws {
        let world = try ReportWorld()
        let result = try world.run(.sessions, january)
        #expect(result.texts("customer") == ["dave", "ali", "ghost", "bina", "eve"])
        #expect(result.texts("cause") == ["User-Request", "User-Request", "User-Request", "Idle-Timeout", "Lost-Carrier"])
        #expect(result.column("upload").first == .bytes(4_294_967_396))
        #expect(result.column("duration") == [.seconds(5400), .seconds(14_400), .seconds(60), .seconds(3600), .seconds(600)])
        let start = try #require(result.column("start").dropFirst().first)
        #expect(start == .instant(ReportWorld.instant("2026-01-31T16:00:00Z"), TimeZone(identifier: "Asia/Dhaka") ?? .current))
        let nasOnly = try world.run(.sessions, ReportFilters(nas: "beta-edge", from: "2026-01", to: "2026-01", limit: 1))
        #expect(nasOnly.texts("customer") == ["dave"])
        let operatorView = try world.run(.sessions, january, as: .email("opa@example.test"))
        #expect(operatorView.texts("customer") == ["ali", "bina"])
    }

    @Test func sequentialScanOfAMonthGivesTheSameSessions() throws {
        let world = try ReportWorld()
        let scanning = try ReportSQLiteSource(directory: world.directory.path, sequentialScanMinimum: 0)
        let scanned = try ReportService(source: scanning).run(.sessions, filters: january, actor: .unrestricted,
                                                              now: ReportWorld.now)
        #expect(scanned == (try world.run(.sessions, january)))
        #expect(scanned.texts("customer") == ["dave", "ali", "ghost", "bina", "eve"])
    }

    @Test func onlineShowsOpenSessionsWithDuration() throws {
        let world = try ReportWorld()
        let result = try world.run(.online)
        #expect(result.texts("customer") == ["ali"])
        // Started 02:00Z on 4 February, the report runs at 00:00Z on 5 February.
        #expect(result.column("duration") == [.seconds(79_200)])
        #expect(result.column("total") == [.bytes(4000)])
        #expect(try world.run(.online, as: .email("adminbeta@example.test")).rows.isEmpty)
    }

    @Test func nasAddsSessionsUsersBytesAndAuthOutcomes() throws {
        let world = try ReportWorld()
        let result = try world.run(.nas, january)
        #expect(result.texts("nas") == ["alpha-core", "beta-edge"])
        #expect(result.column("sessions") == [.integer(3), .integer(2)])
        #expect(result.column("users") == [.integer(2), .integer(2)])
        #expect(result.column("upload") == [.bytes(5_000_000_110), .bytes(4_294_967_446)])
        #expect(result.column("session_time") == [.seconds(18_060), .seconds(6000)])
        #expect(result.column("accepts") == [.integer(5), .integer(0)])
        #expect(result.column("rejects") == [.integer(3), .integer(0)])
        #expect(result.column("rejects_bad_password") == [.integer(2), .integer(0)])
        #expect(result.column("rejects_expired") == [.integer(1), .integer(0)])
        let february = try world.run(.nas, ReportFilters(isp: "Beta Net", from: "2026-02", to: "2026-02"))
        #expect(february.column("rejects_unknown_user") == [.integer(4)])
        #expect(try world.run(.nas, january, as: .email("opa@example.test")).rows.isEmpty)
    }

    @Test func operatorsCountCustomersUsageAndSales() throws {
        let world = try ReportWorld()
        let result = try world.run(.operators, january)
        #expect(result.texts("seller") == ["adminalpha@example.test", "opa@example.test", "suba@example.test",
                                           "adminbeta@example.test", "opb@example.test"])
        #expect(result.column("customers") == [.integer(1), .integer(1), .integer(1), .integer(0), .integer(2)])
        #expect(result.column("active") == [.integer(0), .integer(1), .integer(1), .integer(0), .integer(1)])
        #expect(result.column("expired") == [.integer(0), .integer(0), .integer(0), .integer(0), .integer(1)])
        #expect(result.column("total")[1] == .bytes(3_000_000_000))
        #expect(result.column("sales") == [.integer(0), .integer(1), .integer(1), .integer(0), .integer(2)])
        #expect(result.column("sales_amount")[4] == .money(2000, ReportCurrency(code: "USD", minorUnits: 2)))
        #expect(result.texts("parent")[2] == "opa@example.test")
        let tree = try world.run(.operators, ReportFilters(operator: "opa@example.test"), as: .email("opa@example.test"))
        #expect(tree.texts("seller") == ["opa@example.test", "suba@example.test"])
    }

    @Test func revenueBooksEveryLevelNetOfRefunds() throws {
        let world = try ReportWorld()
        let result = try world.run(.revenue, january)
        let bdt = ReportCurrency(code: "BDT", minorUnits: 2)
        let usd = ReportCurrency(code: "USD", minorUnits: 2)
        #expect(result.texts("account") == ["superalpha@example.test", "adminalpha@example.test", "opa@example.test",
                                            "suba@example.test", "superbeta@example.test", "adminbeta@example.test",
                                            "opb@example.test"])
        #expect(result.column("sales") == [.money(0, bdt), .money(800, bdt), .money(950, bdt), .money(550, bdt),
                                           .money(0, usd), .money(800, usd), .money(1000, usd)])
        #expect(result.column("margin") == [.money(0, bdt), .money(800, bdt), .money(150, bdt), .money(100, bdt),
                                            .money(0, usd), .money(800, usd), .money(200, usd)])
        #expect(result.column("charges")[1] == .money(300, bdt))
        #expect(result.column("collections") == [.money(0, bdt), .money(10_300, bdt), .money(5000, bdt), .money(0, bdt),
                                                 .money(0, usd), .money(10_000, usd), .money(0, usd)])
        // Two currencies: money columns get no total.
        #expect(result.total("margin") == .null)
        let operatorView = try world.run(.revenue, january, as: .email("opa@example.test"))
        #expect(operatorView.texts("account") == ["opa@example.test", "suba@example.test"])
        #expect(operatorView.total("margin") == .money(250, bdt))
    }

    @Test func expiringListsPaidPeriodsEndingSoon() throws {
        let world = try ReportWorld()
        let result = try world.run(.expiring, ReportFilters(days: 7))
        #expect(result.texts("customer") == ["ali", "bina", "dave"])
        #expect(result.column("remaining") == [.seconds(432_000), .seconds(432_000), .seconds(432_000)])
        #expect(try world.run(.expiring, ReportFilters(days: 2)).rows.isEmpty)
        #expect(try world.run(.expiring, ReportFilters(days: 7), as: .email("suba@example.test")).texts("customer") == ["bina"])
    }
}
