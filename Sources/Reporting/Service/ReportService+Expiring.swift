import BillingCore
import Foundation

/// `expiring`: customers whose paid period ends within the next N days (default 7).
extension ReportService {
    func expiring(_ context: ReportContext) throws -> ReportResult {
        let days = context.filters.days ?? 7
        guard (1...3660).contains(days) else { throw ReportError.badFilter("--days must be 1...3660") }
        let until = context.now.addingTimeInterval(Double(days) * 86_400)
        let found = context.scope.isEmpty
            ? [] : try Self.reading { try source.expiring(context.scope, from: context.now, to: until, limit: context.limit) }
        let columns = [
            ReportColumn("customer", "Customer", .text), ReportColumn("isp", "ISP", .text),
            ReportColumn("seller", "Seller", .text), ReportColumn("package", "Package", .text),
            ReportColumn("status", "Status", .text), ReportColumn("expires", "Expires", .instant),
            ReportColumn("remaining", "Remaining", .seconds), ReportColumn("phone", "Phone", .text),
        ]
        let rows: [[ReportValue]] = found.map { customer in
            let expires = customer.expiresAt ?? until
            return [
                .text(customer.username), .text(context.ispName(customer.ispID)),
                .text(context.accountName(customer.ownerID)), customer.packageName.map(ReportValue.text) ?? .null,
                .text(customer.status), .instant(expires, context.timeZone(ofISP: customer.ispID)),
                .seconds(max(0, Int64(expires.timeIntervalSince(context.now).rounded(.down)))),
                customer.phone.map(ReportValue.text) ?? .null,
            ]
        }
        return ReportResult(report: .expiring, columns: columns, rows: rows,
                            period: ReportPeriodSummary(from: context.now, to: until, timeZone: context.windows.first?.timeZone ?? ReportDirectory.utc),
                            generatedAt: context.now)
    }
}
