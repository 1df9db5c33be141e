import BillingCore
import Foundation

/// `nas`: per NAS, the sessions that started in the period (count, distinct users, bytes,
/// time) and the Access-Request outcomes counted on its local days, rejects split by reason.
/// Visible to whoever may view the NAS's ISP (`viewNAS`): Super Admins, Admins, granted staff.
extension ReportService {
    func nasReport(_ context: ReportContext) throws -> ReportResult {
        let filter = ReportScope(ispIDs: context.filterScope.ispIDs, nasIDs: context.filterScope.nasIDs)
        let visible = context.directory.nasDevices.values.filter { nas in
            (filter.ispIDs?.contains(nas.ispID) ?? true) && (filter.nasIDs?.contains(nas.id) ?? true)
                && context.can(.viewNAS, on: .isp(nas.ispID))
        }
        var totals: [NASID: NASTotals] = [:]
        var outcomes: [NASID: (accepts: Int64, rejects: [String: Int64])] = [:]
        var reasons: Set<String> = []
        let ids = Set(visible.map(\.id))
        for window in context.windows where !filter.isEmpty && !ids.isEmpty {
            let inWindow = ids.filter { id in
                context.directory.nasDevices[id].map { window.ispIDs?.contains($0.ispID) ?? true } ?? false
            }
            guard !inWindow.isEmpty else { continue }
            let scope = ReportScope(nasIDs: inWindow)
            for row in try Self.reading({ try source.nasTotals(scope, window: window) }) {
                totals[row.nasID] = row
            }
            for count in try Self.reading({ try source.authOutcomes(nasIDs: inWindow, window: window) }) {
                if count.accepted {
                    outcomes[count.nasID, default: (0, [:])].accepts += count.count
                } else {
                    outcomes[count.nasID, default: (0, [:])].rejects[count.reason, default: 0] += count.count
                    reasons.insert(count.reason)
                }
            }
        }
        let reasonList = reasons.sorted()
        var columns = [
            ReportColumn("nas", "NAS", .text), ReportColumn("isp", "ISP", .text),
            ReportColumn("sessions", "Sessions", .integer, summable: true),
            ReportColumn("users", "Users", .integer),
            ReportColumn("upload", "Upload", .bytes, summable: true),
            ReportColumn("download", "Download", .bytes, summable: true),
            ReportColumn("total", "Total", .bytes, summable: true),
            ReportColumn("session_time", "Time", .seconds, summable: true),
            ReportColumn("accepts", "Accepts", .integer, summable: true),
            ReportColumn("rejects", "Rejects", .integer, summable: true),
        ]
        columns += reasonList.map { ReportColumn("rejects_\($0)", "Rejects \($0)", .integer, summable: true) }
        let ordered = visible.sorted { a, b in
            let (ia, ib) = (context.ispName(a.ispID), context.ispName(b.ispID))
            return ia != ib ? ia < ib : (a.name != b.name ? a.name < b.name : a.id < b.id)
        }
        let rows: [[ReportValue]] = context.limited(ordered).map { nas in
            let total = totals[nas.id] ?? NASTotals(nasID: nas.id, sessions: 0, users: 0, upload: 0, download: 0, seconds: 0)
            let outcome = outcomes[nas.id] ?? (0, [:])
            let rejects = outcome.rejects.values.reduce(0, &+)
            return [
                .text(nas.name), .text(context.ispName(nas.ispID)), .integer(total.sessions), .integer(total.users),
                .bytes(total.upload), .bytes(total.download), .bytes(total.upload &+ total.download),
                .seconds(total.seconds), .integer(outcome.accepts), .integer(rejects),
            ] + reasonList.map { .integer(outcome.rejects[$0] ?? 0) }
        }
        return ReportResult(report: .nas, columns: columns, rows: rows, period: context.periodSummary,
                            generatedAt: context.now)
    }
}
