import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// The customer portal (level 100): a customer sees only itself. Every route answers 404 for an
/// account without a subscriber; the password change is `POST /api/v1/me/password`.
enum SelfServiceRoutes {
    static func routes() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/me/customer", operationID: "getOwnCustomer",
                summary: "The caller's own subscription: profile, package, expiry, remaining quota",
                tag: "self-service",
                access: .anyone, response: CustomerDTO.ref
            ) { input in
                let (caller, id) = try own(input)
                guard let view = input.engine.subscriber(id, by: caller.id) else { throw Problem.notFound }
                return APIResult(json: CustomerDTO(view, engine: input.engine))
            },
            APIRoute(
                .get, "/api/v1/me/sessions", operationID: "listOwnSessions", summary: "The caller's own sessions",
                tag: "self-service", access: .anyone, query: Pagination.parameters,
                response: .ref(Page<SessionDTO>.schemaName)
            ) { input in
                let (caller, id) = try own(input)
                let rows = try input.engine.sessions(SessionQuery(subscriberIDs: [id], limit: 1000), by: caller.id)
                return try Pagination.page(rows.map(SessionDTO.init), input)
            },
            APIRoute(
                .get, "/api/v1/me/usage", operationID: "getOwnUsage", summary: "The caller's own usage per day",
                tag: "self-service", access: .anyone,
                query: [
                    QueryParameter("from", .string(format: "date"), "first day (yyyy-MM-dd)"),
                    QueryParameter("to", .string(format: "date"), "last day (yyyy-MM-dd)"),
                ] + Pagination.parameters, response: .ref(Page<UsageDTO>.schemaName)
            ) { input in
                let (_, id) = try own(input)
                return try CustomerRoutes.usage(input, id)
            },
            APIRoute(
                .get, "/api/v1/me/invoices", operationID: "listOwnInvoices",
                summary: "What the caller paid: its activations and renewals with prices and periods",
                tag: "self-service", access: .anyone, query: Pagination.parameters,
                response: .ref(Page<SaleDTO>.schemaName)
            ) { input in
                let (caller, id) = try own(input)
                let sales = try input.engine.sales(of: id, by: caller.id)
                let items = sales.map { SaleDTO($0, customer: nil) }
                return try Pagination.page(items, input)
            },
        ]
    }

    private static func own(_ input: RouteInput) throws -> (Caller, SubscriberID) {
        let caller = try input.requireCaller()
        guard let id = caller.account.subscriberID else { throw Problem.notFound }
        return (caller, id)
    }
}
