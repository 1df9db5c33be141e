import BillingCore
import Foundation
import Reporting

/// A report source over the test world's in-memory engine (the SQLite source is tested in
/// ReportingTests and end to end in Tests/Integration). It serves the directory, accounts and
/// subscribers, read through the engine as the Developer; it has no accounting data. Its
/// `expiring` lists every subscriber of the scope whatever its expiry, so route tests can see
/// which customers a caller's report reaches.
final class EngineReportSource: ReportSource {
    let engine: BillingEngine
    let developer: AccountID

    init(engine: BillingEngine, developer: AccountID) {
        self.engine = engine
        self.developer = developer
    }

    func loadDirectory() throws -> ReportDirectory {
        let accounts = engine.visibleAccounts(by: developer).compactMap { engine.account($0.id) }
            .filter { $0.role != .customer }
        let developerAccount = engine.account(developer).map { [$0] } ?? []
        return ReportDirectory(
            tenancies: engine.visibleTenancies(by: developer), isps: engine.visibleISPs(by: developer),
            accounts: accounts + developerAccount,
            nasDevices: engine.listNAS(by: developer).map { ReportNAS(id: $0.id, ispID: $0.ispID, name: $0.name) },
            labels: [])
    }

    func account(email: String) throws -> Account? { engine.account(email: email) }

    func account(id: AccountID) throws -> Account? { engine.account(id) }

    func customers(matching text: String) throws -> [ReportCustomer] {
        all().filter { Int64(text) == $0.id.rawValue || $0.username == text }
    }

    func customers(ids: Set<SubscriberID>) throws -> [SubscriberID: ReportCustomer] {
        Dictionary(all().filter { ids.contains($0.id) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func usageDays(_ scope: ReportScope, window: ReportWindow, _ body: (UsageDayRow) throws -> Void) throws {}

    func sessionSpans(_ scope: ReportScope, window: ReportWindow, _ body: (SessionSpan) throws -> Void) throws {}

    func sessions(
        _ scope: ReportScope, window: ReportWindow?, openOnly: Bool, limit: Int?, _ body: (ReportSession) throws -> Void
    ) throws {}

    func nasTotals(_ scope: ReportScope, window: ReportWindow) throws -> [NASTotals] { [] }

    func authOutcomes(nasIDs: Set<NASID>?, window: ReportWindow) throws -> [AuthOutcomeCount] { [] }

    func sellerTotals(_ scope: ReportScope, window: ReportWindow, now: Date) throws -> [SellerTotals] { [] }

    func ledgerTotals(window: ReportWindow) throws -> LedgerTotals { LedgerTotals() }

    func expiring(_ scope: ReportScope, from: Date, to: Date, limit: Int?) throws -> [ReportCustomer] {
        let found = all().filter { customer in
            (scope.ispIDs?.contains(customer.ispID) ?? true) && (scope.ownerIDs?.contains(customer.ownerID) ?? true)
                && (scope.subscriberIDs?.contains(customer.id) ?? true)
        }.sorted { $0.id < $1.id }
        return limit.map { Array(found.prefix($0)) } ?? found
    }

    private func all() -> [ReportCustomer] {
        engine.listSubscribers(by: developer).map { view in
            ReportCustomer(
                id: view.id, ispID: view.ispID, username: view.username, ownerID: view.ownerID, packageName: nil,
                status: view.status.rawValue, expiresAt: view.expiresAt, phone: view.phone, isDeleted: false)
        }
    }
}
