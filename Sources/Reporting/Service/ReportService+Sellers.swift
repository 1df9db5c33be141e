import BillingCore
import Foundation

/// `operators` (customers and business per seller) and `revenue` (per level, from the sales,
/// their booked commissions and the ledger).
extension ReportService {
    func operators(_ context: ReportContext) throws -> ReportResult {
        let sellers = context.directory.accounts.values.filter { account in
            [.admin, .operator, .subOperator].contains(account.role) && inScope(account, context.scope)
        }
        var totals: [AccountID: SellerTotals] = [:]
        for window in context.windows {
            let scope = window.restrict(context.scope)
            guard !scope.isEmpty else { continue }
            for row in try Self.reading({ try source.sellerTotals(scope, window: window, now: context.now) }) {
                totals[row.sellerID] = row
            }
        }
        let columns = [
            ReportColumn("seller", "Seller", .text), ReportColumn("name", "Name", .text),
            ReportColumn("level", "Level", .text), ReportColumn("parent", "Parent", .text),
            ReportColumn("isp", "ISP", .text), ReportColumn("customers", "Customers", .integer, summable: true),
            ReportColumn("active", "Active", .integer, summable: true),
            ReportColumn("expired", "Expired", .integer, summable: true),
            ReportColumn("upload", "Upload", .bytes, summable: true),
            ReportColumn("download", "Download", .bytes, summable: true),
            ReportColumn("total", "Total", .bytes, summable: true),
            ReportColumn("sales", "Sales", .integer, summable: true),
            ReportColumn("sales_amount", "Sales amount", .money, summable: true),
            ReportColumn("currency", "Currency", .text),
        ]
        let rows: [[ReportValue]] = context.limited(sortedAccounts(sellers, context)).map { seller in
            let total = totals[seller.id] ?? SellerTotals(sellerID: seller.id)
            let currency = context.directory.currency(ofAccount: seller.id) ?? ReportCurrency(code: "XXX", minorUnits: 2)
            return [
                .text(seller.email), .text(seller.displayName), .text(context.directory.roleLabel(of: seller)),
                seller.parentID.map { .text(context.accountName($0)) } ?? .null,
                seller.ispID.map { .text(context.ispName($0)) } ?? .null, .integer(total.customers),
                .integer(total.active), .integer(total.expired), .bytes(total.upload), .bytes(total.download),
                .bytes(total.upload &+ total.download), .integer(total.sales), .money(total.salesAmount, currency),
                .text(currency.code),
            ]
        }
        return ReportResult(report: .operators, columns: columns, rows: rows, period: context.periodSummary,
                            generatedAt: context.now)
    }

    func revenue(_ context: ReportContext) throws -> ReportResult {
        let filter = context.filterScope
        let levels = context.directory.accounts.values.filter { account in
            guard [.superAdmin, .admin, .operator, .subOperator].contains(account.role) else { return false }
            if let isps = filter.ispIDs {
                if account.role == .superAdmin {
                    guard let tenancy = account.tenancyID, isps.contains(where: { context.directory.isps[$0]?.tenancyID == tenancy })
                    else { return false }
                } else if !(account.ispID.map(isps.contains) ?? false) {
                    return false
                }
            }
            if let owners = filter.ownerIDs, !owners.contains(account.id) { return false }
            return context.can(.viewMoney, on: .account(account.id))
        }
        var sales: [AccountID: Int64] = [:]
        var costs: [AccountID: Int64] = [:]
        var charges: [AccountID: Int64] = [:]
        var collections: [AccountID: Int64] = [:]
        for window in context.windows {
            let totals = try Self.reading { try source.ledgerTotals(window: window) }
            let zone = window.timeZone
            func here(_ id: AccountID) -> Bool {
                guard window.ispIDs != nil else { return true }
                let tenancy = context.directory.accounts[id]?.tenancyID.flatMap { context.directory.tenancies[$0] }
                return tenancy?.timeZone == zone
            }
            for (id, amount) in totals.sales where here(id) { sales[id, default: 0] += amount }
            for (id, amount) in totals.costs where here(id) { costs[id, default: 0] += amount }
            for (id, amount) in totals.otherIncome where here(id) { charges[id, default: 0] += amount }
            for (id, amount) in totals.invoicePayments where here(id) { collections[id, default: 0] += amount }
            for (wallet, amount) in totals.walletDeposits where here(wallet) {
                if let collector = collector(of: wallet, context) { collections[collector, default: 0] += amount }
            }
        }
        let columns = [
            ReportColumn("account", "Account", .text), ReportColumn("name", "Name", .text),
            ReportColumn("level", "Level", .text), ReportColumn("isp", "ISP", .text),
            ReportColumn("sales", "Sales", .money), ReportColumn("costs", "Costs", .money),
            ReportColumn("margin", "Margin", .money, summable: true),
            ReportColumn("charges", "Other income", .money, summable: true),
            ReportColumn("collections", "Collections", .money, summable: true),
            ReportColumn("currency", "Currency", .text),
        ]
        let rows: [[ReportValue]] = context.limited(sortedAccounts(levels, context)).map { account in
            let currency = context.directory.currency(ofAccount: account.id) ?? ReportCurrency(code: "XXX", minorUnits: 2)
            let sold = sales[account.id] ?? 0
            let cost = costs[account.id] ?? 0
            return [
                .text(account.email), .text(account.displayName), .text(context.directory.roleLabel(of: account)),
                account.ispID.map { .text(context.ispName($0)) } ?? .null, .money(sold, currency), .money(cost, currency),
                .money(sold &- cost, currency), .money(charges[account.id] ?? 0, currency),
                .money(collections[account.id] ?? 0, currency), .text(currency.code),
            ]
        }
        return ReportResult(report: .revenue, columns: columns, rows: rows, period: context.periodSummary,
                            generatedAt: context.now)
    }

    /// Who collects a wallet deposit: the Operator above a Sub-Operator, the ISP's Admin above
    /// an Operator.
    private func collector(of wallet: AccountID, _ context: ReportContext) -> AccountID? {
        guard let account = context.directory.accounts[wallet] else { return nil }
        switch account.role {
        case .subOperator: return account.parentID
        case .operator: return account.ispID.flatMap { context.directory.isps[$0]?.adminID }
        default: return nil
        }
    }

    /// Whether a seller's customers fall inside the scope.
    private func inScope(_ seller: Account, _ scope: ReportScope) -> Bool {
        guard !scope.isEmpty, scope.subscriberIDs == nil else { return false }
        if let isps = scope.ispIDs, !(seller.ispID.map(isps.contains) ?? false) { return false }
        if let owners = scope.ownerIDs, !owners.contains(seller.id) { return false }
        return true
    }

    /// Tenancy, ISP, level, then email.
    private func sortedAccounts(_ accounts: [Account], _ context: ReportContext) -> [Account] {
        accounts.sorted { a, b in
            let (ta, tb) = (a.tenancyID?.rawValue ?? 0, b.tenancyID?.rawValue ?? 0)
            if ta != tb { return ta < tb }
            let (ia, ib) = (a.ispID.map(context.ispName) ?? "", b.ispID.map(context.ispName) ?? "")
            if ia != ib { return ia < ib }
            if a.role != b.role { return a.role < b.role }
            return a.email.lowercased() < b.email.lowercased()
        }
    }
}
