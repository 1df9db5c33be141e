import BillingCore
import Foundation
import GRDB
import Reporting

/// Seller, ledger and expiry queries of the reports.
extension ReportSQLiteSource {
    public func sellerTotals(_ scope: ReportScope, window: ReportWindow, now: Date) throws -> [SellerTotals] {
        let scope = window.restrict(scope)
        var totals: [AccountID: SellerTotals] = [:]
        func entry(_ id: Int64) -> AccountID {
            let key = AccountID(id)
            if totals[key] == nil { totals[key] = SellerTotals(sellerID: key) }
            return key
        }
        try read { db in
            var customers = ReportSQL()
            customers.add("s.deleted_at IS NULL")
            customers.subscriberScope(scope, alias: "s")
            let nowValue = ReportSQL.seconds(now)
            for row in try Row.fetchAll(db, sql: """
                SELECT s.owner_id, COUNT(*),
                    SUM(CASE WHEN s.status IN ('active', 'over_quota') AND (s.expires_at IS NULL OR s.expires_at > ?)
                        THEN 1 ELSE 0 END),
                    SUM(CASE WHEN s.status = 'expired' OR (s.status IN ('active', 'over_quota') AND s.expires_at <= ?)
                        THEN 1 ELSE 0 END)
                FROM subscribers s \(customers.whereClause) GROUP BY s.owner_id
                """, arguments: StatementArguments([nowValue, nowValue] + customers.arguments)) {
                let id = entry(row[0])
                totals[id]?.customers = row[1]
                totals[id]?.active = row[2]
                totals[id]?.expired = row[3]
            }
            var usage = ReportSQL()
            usage.add("u.day >= ?", window.fromDay)
            usage.add("u.day <= ?", window.toDay)
            usage.subscriberScope(scope, alias: "s")
            for row in try Row.fetchAll(db, sql: """
                SELECT s.owner_id, SUM(u.upload_bytes), SUM(u.download_bytes)
                FROM usage_days u JOIN subscribers s ON s.id = u.subscriber_id
                \(usage.whereClause) GROUP BY s.owner_id
                """, arguments: usage.statementArguments) {
                let id = entry(row[0])
                totals[id]?.upload = row[1]
                totals[id]?.download = row[2]
            }
            var sales = ReportSQL()
            sales.add("s.sold_at >= ?", ReportSQL.seconds(window.from))
            sales.add("s.sold_at < ?", ReportSQL.seconds(window.to))
            sales.subscriberIDScope(scope, column: "s.subscriber_id")
            for row in try Row.fetchAll(db, sql: """
                SELECT s.seller_id, COUNT(*), COALESCE(SUM(c.price), 0)
                FROM sales s LEFT JOIN commissions c ON c.sale_id = s.id AND c.reseller_id = s.seller_id
                \(sales.whereClause) GROUP BY s.seller_id
                """, arguments: sales.statementArguments) {
                let id = entry(row[0])
                totals[id]?.sales = row[1]
                totals[id]?.salesAmount = row[2]
            }
        }
        return Array(totals.values)
    }

    public func ledgerTotals(window: ReportWindow) throws -> LedgerTotals {
        let range: [(any DatabaseValueConvertible)?] = [ReportSQL.seconds(window.from), ReportSQL.seconds(window.to)]
        return try read { db in
            var totals = LedgerTotals()
            for row in try Row.fetchAll(db, sql: """
                SELECT c.reseller_id, SUM(c.price), SUM(c.cost) FROM sales s JOIN commissions c ON c.sale_id = s.id
                WHERE s.sold_at >= ? AND s.sold_at < ? GROUP BY c.reseller_id
                """, arguments: StatementArguments(range)) {
                totals.sales[AccountID(row[0]), default: 0] += row[1] as Int64
                totals.costs[AccountID(row[0]), default: 0] += row[2] as Int64
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT c.reseller_id, SUM(c.price), SUM(c.cost) FROM ledger_transactions t
                JOIN sales s ON s.transaction_id = t.reverses_id JOIN commissions c ON c.sale_id = s.id
                WHERE t.kind = 'refund' AND t.posted_at >= ? AND t.posted_at < ? GROUP BY c.reseller_id
                """, arguments: StatementArguments(range)) {
                totals.sales[AccountID(row[0]), default: 0] -= row[1] as Int64
                totals.costs[AccountID(row[0]), default: 0] -= row[2] as Int64
            }
            for (account, amount) in try Self.entrySums(db, range, kinds: "t.kind NOT IN ('sale', 'refund')",
                                                        accounts: "income:%", positiveOnly: false) {
                if case .income(let id) = account { totals.otherIncome[id, default: 0] += amount }
            }
            for (account, amount) in try Self.entrySums(db, range, kinds: "t.kind IN ('top_up', 'gateway_payment')",
                                                        accounts: "wallet:%", positiveOnly: true) {
                if case .wallet(let id) = account { totals.walletDeposits[id, default: 0] += amount }
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT i.issuer_id, SUM(i.amount) FROM (
                    SELECT issuer_id, json_extract(body, '$.amount') AS amount,
                        json_extract(body, '$.settleTransactionID') AS settled FROM invoices WHERE status = 'paid'
                ) i JOIN ledger_transactions t ON t.id = i.settled
                WHERE t.kind = 'invoice_payment' AND t.posted_at >= ? AND t.posted_at < ? GROUP BY i.issuer_id
                """, arguments: StatementArguments(range)) {
                totals.invoicePayments[AccountID(row[0]), default: 0] += row[1] as Int64
            }
            return totals
        }
    }

    private static func entrySums(
        _ db: Database, _ range: [(any DatabaseValueConvertible)?], kinds: String, accounts: String, positiveOnly: Bool
    ) throws -> [(LedgerAccountRef, Int64)] {
        try Row.fetchAll(db, sql: """
            SELECT e.account, SUM(e.amount) FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
            WHERE t.posted_at >= ? AND t.posted_at < ? AND \(kinds) AND e.account LIKE ?
                \(positiveOnly ? "AND e.amount > 0" : "")
            GROUP BY e.account
            """, arguments: StatementArguments(range + [accounts])).compactMap { row in
            let key: String = row[0]
            return LedgerAccountRef(key: key).map { ($0, row[1]) }
        }
    }

    public func expiring(_ scope: ReportScope, from: Date, to: Date, limit: Int?) throws -> [ReportCustomer] {
        var sql = ReportSQL()
        sql.add("s.deleted_at IS NULL")
        sql.add("s.status != 'disabled'")
        sql.add("s.expires_at >= ?", ReportSQL.seconds(from))
        sql.add("s.expires_at < ?", ReportSQL.seconds(to))
        sql.subscriberScope(scope, alias: "s")
        var text = "SELECT \(Self.customerColumns) \(sql.whereClause) ORDER BY s.expires_at, s.username, s.id"
        if let limit {
            text += " LIMIT ?"
            sql.arguments.append(limit)
        }
        return try read { db in
            try Row.fetchAll(db, sql: text, arguments: sql.statementArguments).map(Self.customer)
        }
    }
}
