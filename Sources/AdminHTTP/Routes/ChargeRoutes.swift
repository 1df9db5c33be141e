import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Charges between levels (issued as invoices), paying and voiding invoices, and plans.
enum ChargeRoutes {
    static func routes() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/charges", operationID: "listCharges", summary: "Charges (invoices) the caller issued",
                tag: "money", access: .anyone, query: Pagination.parameters,
                response: .ref(Page<InvoiceDTO>.schemaName)
            ) { input in
                let caller = try input.requireCaller()
                let now = input.dependencies.clock.now()
                let items = input.engine.visibleInvoices(by: caller.id).filter { $0.issuerID == caller.id }
                    .map { InvoiceDTO($0, now: now) }
                return try Pagination.page(items, input)
            },
            APIRoute(
                .post, "/api/v1/charges", operationID: "issueCharge",
                summary: "Charge the level below (subscription, add-on, SMS, custom development)", tag: "money",
                access: .signedIn([
                    .roles([.developer, .superAdmin, .admin]),
                    .visible(.body("payer_id", optional: false), .account),
                ]),
                idempotent: true, request: ChargeCreate.ref, status: 201, response: InvoiceDTO.ref
            ) { input in
                let body = try input.decode(ChargeCreate.self)
                guard let kind = ChargeKind(rawValue: body.kind) else {
                    throw Problem.validation("kind", "unknown kind")
                }
                let invoice = try input.engine.issueCharge(
                    to: AccountID(body.payerId), kind: kind, amount: body.amount, description: body.description,
                    dueAt: body.dueAt, idempotencyKey: try CustomerRoutes.engineKey(input),
                    by: try input.requireCaller().id)
                return APIResult(status: .created, json: InvoiceDTO(invoice, now: input.dependencies.clock.now()))
            },
            APIRoute(
                .post, "/api/v1/invoices/{id}/pay", operationID: "payInvoice",
                summary: "Pay an invoice from the payer's wallet",
                tag: "money", access: .onPath(.invoice, .viewMoney), idempotent: true,
                response: InvoiceDTO.ref
            ) { input in
                let invoice = try input.engine.payInvoice(
                    InvoiceID(try input.pathID()),
                    idempotencyKey: try CustomerRoutes.engineKey(input),
                    by: try input.requireCaller().id)
                return APIResult(json: InvoiceDTO(invoice, now: input.dependencies.clock.now()))
            },
            APIRoute(
                .post, "/api/v1/invoices/{id}/void", operationID: "voidInvoice",
                summary: "Void an open invoice (issuer)",
                tag: "money", access: .onPath(.invoice, .viewMoney), idempotent: true,
                response: InvoiceDTO.ref
            ) { input in
                let invoice = try input.engine.voidInvoice(
                    InvoiceID(try input.pathID()),
                    idempotencyKey: try CustomerRoutes.engineKey(input),
                    by: try input.requireCaller().id)
                return APIResult(json: InvoiceDTO(invoice, now: input.dependencies.clock.now()))
            },
            APIRoute(
                .post, "/api/v1/plans", operationID: "createPlan",
                summary: "Define a subscription plan (Developer: platform; Super Admin: its tenancy)", tag: "money",
                access: .signedIn([
                    .roles([.developer, .superAdmin]), .visible(.body("tenancy_id", optional: true), .tenancy),
                ]),
                request: PlanCreate.ref, status: 201, response: PlanDTO.ref
            ) { input in
                let body = try input.decode(PlanCreate.self)
                let plan = try input.engine.createPlan(
                    name: body.name, monthlyFee: body.monthlyFee, maxPPPSubscribers: body.maxPppSubscribers,
                    graceDays: body.graceDays ?? 7, tenancy: body.tenancyId.map(TenancyID.init),
                    by: try input.requireCaller().id)
                return APIResult(status: .created, json: PlanDTO(plan))
            },
        ]
    }
}
