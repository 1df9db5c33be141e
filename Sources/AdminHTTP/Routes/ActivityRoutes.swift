import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Accounting sessions and the audit log.
enum ActivityRoutes {
    static func routes() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/sessions", operationID: "listSessions",
                summary: "Accounting sessions (open and closed, with usage) the caller may see", tag: "activity",
                access: .signedIn([
                    .holds(.viewSessions), .permitted(.query("customer_id"), .subscriber, .viewSessions),
                    .permitted(.query("nas_id"), .nas, .viewNAS),
                ]),
                query: [
                    QueryParameter("customer_id", .id, "only this customer"),
                    QueryParameter("nas_id", .id, "only this NAS"),
                    QueryParameter("open", .enumeration(["true", "false"]), "only open (true) sessions"),
                ] + MoneyRoutes.period + Pagination.parameters,
                response: .ref(Page<SessionDTO>.schemaName)
            ) { input in
                let query = SessionQuery(
                    subscriberIDs: try input.queryInt("customer_id", in: 1...Int64.max).map { [SubscriberID($0)] },
                    nasID: try input.queryInt("nas_id", in: 1...Int64.max).map(NASID.init),
                    startedFrom: try input.queryDate("from"), startedBefore: try input.queryDate("to"),
                    openOnly: try input.queryChoice("open", ["true", "false"]) == "true", limit: 10_000)
                let rows = try input.engine.sessions(query, by: try input.requireCaller().id)
                return try Pagination.page(rows.map(SessionDTO.init), input)
            },
            APIRoute(
                .get, "/api/v1/audit", operationID: "listAudit",
                summary: "Audit log lines of the caller's scope, newest first",
                tag: "activity", access: .signedIn([.holds(.viewLogs), .visible(.query("isp_id"), .isp)]),
                query: [
                    QueryParameter("isp_id", .id, "only this ISP"),
                    QueryParameter("entity_kind", .string(maxLength: 40), "e.g. subscriber, nas, account"),
                    QueryParameter("entity_id", .id, "only this entity"),
                ] + Pagination.parameters, response: .ref(Page<AuditDTO>.schemaName)
            ) { input in
                let caller = try input.requireCaller()
                let kind = input.query("entity_kind")
                if let kind, kind.count > 40 { throw Problem.validation("entity_kind", "at most 40 characters") }
                let query = AuditQuery(
                    entityKind: kind, entityID: try input.queryInt("entity_id", in: 1...Int64.max),
                    ispID: try input.queryInt("isp_id", in: 1...Int64.max).map(ISPID.init), limit: 10_000)
                let rows = try input.engine.auditLog(query, by: caller.id)
                return try Pagination.page(rows.map(AuditDTO.init), input)
            },
        ]
    }
}
