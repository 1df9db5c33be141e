import BillingCore
import Foundation
import Reporting
import Testing

/// Bad filters are clear errors; filters that match nothing visible give an empty report.
@Suite struct FilterResolverTests {
    func code(_ body: () throws -> ReportResult) -> ReportError.Code? {
        do {
            _ = try body()
            return nil
        } catch let error as ReportError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func rejectsUnknownAndContradictoryFilters() throws {
        let world = try ReportWorld()
        #expect(code { try world.run(.usage, ReportFilters(operator: "nobody@example.test")) } == .badFilter)
        #expect(code { try world.run(.usage, ReportFilters(from: "2026-02-01", to: "2026-01-01")) } == .badFilter)
        #expect(code { try world.run(.usage, ReportFilters(from: "2026-02-30")) } == .badFilter)
        #expect(code { try world.run(.usage, ReportFilters(from: "yesterday")) } == .badFilter)
        #expect(code { try world.run(.usage, ReportFilters(nas: "alpha-core")) } == .badFilter)
        #expect(code { try world.run(.usage, ReportFilters(limit: 0)) } == .badFilter)
        #expect(code { try world.run(.usage, ReportFilters(by: "week")) } == .badFilter)
        #expect(code { try world.run(.usage, ReportFilters(tenancy: "Gamma")) } == .badFilter)
        #expect(code { try world.run(.usage, ReportFilters(customer: "zed")) } == .badFilter)
        #expect(code { try world.run(.expiring, ReportFilters(days: 0)) } == .badFilter)
        #expect(code { try world.run(.online, ReportFilters(from: "2026-01")) } == .badFilter)
        #expect(code { try world.run(.usage, as: .email("nobody@example.test")) } == .forbidden)
    }

    @Test("a bad-filter error names the filter (the API's problem field)")
    func badFilterNamesTheFilter() throws {
        let world = try ReportWorld()
        func filter(_ report: ReportName, _ filters: ReportFilters) -> ReportFilterName? {
            do {
                _ = try world.run(report, filters)
                return nil
            } catch let error as ReportError {
                return error.code == .badFilter ? error.filter : nil
            } catch {
                return nil
            }
        }
        #expect(filter(.usage, ReportFilters(operator: "nobody@example.test")) == .operator)
        #expect(filter(.usage, ReportFilters(from: "2026-02-01", to: "2026-01-01")) == .from)
        #expect(filter(.usage, ReportFilters(to: "soon")) == .to)
        #expect(filter(.usage, ReportFilters(nas: "alpha-core")) == .nas)
        #expect(filter(.usage, ReportFilters(limit: 0)) == .limit)
        #expect(filter(.top, ReportFilters(by: "week")) == .by)
        #expect(filter(.usage, ReportFilters(customer: "zed")) == .customer)
        #expect(filter(.expiring, ReportFilters(days: 0)) == .days)
        #expect(filter(.nas, ReportFilters(tenancy: "Gamma")) == .tenancy)
    }

    @Test func unknownReportNameIsItsOwnError() throws {
        let world = try ReportWorld()
        #expect(throws: ReportError.self) {
            try ReportService(source: try world.source()).run(named: "profit", filters: ReportFilters(), actor: .unrestricted,
                                                             now: ReportWorld.now)
        }
    }

    @Test func resolvesByIdOrNameCaseInsensitively() throws {
        let world = try ReportWorld()
        let january = ReportFilters(from: "2026-01", to: "2026-01")
        var byName = january
        byName.isp = "alpha net"
        var byID = january
        byID.tenancy = "\(try world.account("superalpha").rawValue - 1)"
        #expect(try world.run(.usage, byName).texts("customer") == ["ali", "bina"])
        var byCustomer = january
        byCustomer.customer = "\(try world.customer("dave").rawValue)"
        #expect(try world.run(.usage, byCustomer).texts("customer") == ["dave"])
    }

    @Test func explicitInstantsAreExclusiveAtTheEnd() throws {
        let world = try ReportWorld()
        let result = try world.run(.sessions, ReportFilters(from: "2026-01-31T16:00:00Z", to: "2026-01-31T23:00:00Z"))
        #expect(result.texts("customer") == ["ali"])
        let local = try world.run(.sessions, ReportFilters(isp: "Alpha Net", from: "2026-01-31T22:00", to: "2026-01-31T22:00:01"))
        #expect(local.texts("customer") == ["ali"])
    }
}
