import BillingCore
import Foundation

/// `sessions` (history of sessions started in the period) and `online` (open sessions now).
extension ReportService {
    func sessions(_ context: ReportContext) throws -> ReportResult {
        let columns = [
            ReportColumn("customer", "Customer", .text), ReportColumn("isp", "ISP", .text),
            ReportColumn("nas", "NAS", .text), ReportColumn("start", "Start", .instant),
            ReportColumn("stop", "Stop", .instant), ReportColumn("duration", "Duration", .seconds, summable: true),
            ReportColumn("upload", "Upload", .bytes, summable: true),
            ReportColumn("download", "Download", .bytes, summable: true),
            ReportColumn("total", "Total", .bytes, summable: true), ReportColumn("cause", "Cause", .text),
            ReportColumn("ip", "IP", .text), ReportColumn("mac", "MAC", .text),
        ]
        var zones: [ISPID: (zone: TimeZone, isp: String)] = [:]
        var nasNames: [NASID: String] = [:]
        var rows: [[ReportValue]] = []
        var starts: [Date] = []
        for window in context.windows {
            let scope = window.restrict(context.scope)
            guard !scope.isEmpty else { continue }
            try Self.reading {
                try source.sessions(scope, window: window, openOnly: false, limit: context.limit) { session in
                    let place = zones[session.ispID]
                        ?? (context.timeZone(ofISP: session.ispID), context.ispName(session.ispID))
                    zones[session.ispID] = place
                    let nas = nasNames[session.nasID] ?? nasName(session.nasID, context)
                    nasNames[session.nasID] = nas
                    starts.append(session.startedAt)
                    rows.append([
                        .text(session.username), .text(place.isp), .text(nas), .instant(session.startedAt, place.zone),
                        session.stoppedAt.map { .instant($0, place.zone) } ?? .null, .seconds(session.sessionTime),
                        .bytes(session.upload), .bytes(session.download), .bytes(session.upload &+ session.download),
                        .text(TerminateCause.describe(cause: session.terminateCause, closeReason: session.closeReason)),
                        session.framedIP.map(ReportValue.text) ?? .null,
                        session.callingStationID.map(ReportValue.text) ?? .null,
                    ])
                }
            }
        }
        if context.windows.count > 1 {
            let order = rows.indices.sorted { starts[$0] > starts[$1] }
            rows = order.map { rows[$0] }
        }
        return ReportResult(report: .sessions, columns: columns, rows: context.limited(rows),
                            period: context.periodSummary, generatedAt: context.now)
    }

    func online(_ context: ReportContext) throws -> ReportResult {
        var found: [ReportSession] = []
        if !context.scope.isEmpty {
            try Self.reading {
                try source.sessions(context.scope, window: nil, openOnly: true, limit: context.limit) { found.append($0) }
            }
        }
        let columns = [
            ReportColumn("customer", "Customer", .text), ReportColumn("isp", "ISP", .text),
            ReportColumn("nas", "NAS", .text), ReportColumn("start", "Start", .instant),
            ReportColumn("duration", "Duration", .seconds, summable: true),
            ReportColumn("upload", "Upload", .bytes, summable: true),
            ReportColumn("download", "Download", .bytes, summable: true),
            ReportColumn("total", "Total", .bytes, summable: true),
            ReportColumn("ip", "IP", .text), ReportColumn("mac", "MAC", .text),
        ]
        let rows: [[ReportValue]] = context.limited(found).map { session in
            let online = max(0, Int64(context.now.timeIntervalSince(session.startedAt).rounded(.down)))
            return [
                .text(session.username), .text(context.ispName(session.ispID)), .text(nasName(session.nasID, context)),
                .instant(session.startedAt, context.timeZone(ofISP: session.ispID)), .seconds(online),
                .bytes(session.upload), .bytes(session.download), .bytes(session.upload &+ session.download),
                session.framedIP.map(ReportValue.text) ?? .null, session.callingStationID.map(ReportValue.text) ?? .null,
            ]
        }
        return ReportResult(report: .online, columns: columns, rows: rows, period: nil, generatedAt: context.now)
    }

    func nasName(_ id: NASID, _ context: ReportContext) -> String {
        context.directory.nasDevices[id]?.name ?? "(deleted NAS \(id))"
    }
}
