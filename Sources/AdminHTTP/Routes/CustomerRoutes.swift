import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Customers (subscribers): CRUD and lifecycle actions. Visibility comes from the gate and from
/// the engine's scoped lists; handlers only translate.
enum CustomerRoutes {
    static let base = "/api/v1/customers"

    static func routes() -> [APIRoute] {
        [
            APIRoute(
                .get, base, operationID: "listCustomers", summary: "Customers the caller may see", tag: "customers",
                access: .holds(.viewCustomers),
                query: [
                    QueryParameter("isp_id", .id, "only this ISP"),
                    QueryParameter("status", .enumeration(CustomerDTO.statuses), "only this status"),
                    QueryParameter("owner_id", .id, "only customers of this seller"),
                    QueryParameter("q", .string(maxLength: 64), "username contains"),
                ] + Pagination.parameters, response: .ref(Page<CustomerDTO>.schemaName)
            ) { input in
                let caller = try input.requireCaller()
                let isp = try input.queryInt("isp_id", in: 1...Int64.max).map(ISPID.init)
                let status = try input.queryChoice("status", CustomerDTO.statuses).flatMap(SubscriberStatus.init)
                let owner = try input.queryInt("owner_id", in: 1...Int64.max)
                let needle = input.query("q")?.lowercased()
                if let needle, needle.count > 64 { throw Problem.validation("q", "at most 64 characters") }
                let items = input.engine.listSubscribers(by: caller.id, isp: isp, status: status)
                    .filter { owner == nil || $0.ownerID.rawValue == owner }
                    .filter { needle == nil || $0.username.lowercased().contains(needle ?? "") }
                    .map { CustomerDTO($0, engine: input.engine) }
                return try Pagination.page(items, input)
            },
            APIRoute(
                .get, base + "/{id}", operationID: "getCustomer", summary: "One customer", tag: "customers",
                access: .onPath(.subscriber, .viewCustomers), response: CustomerDTO.ref
            ) { input in
                APIResult(json: try customer(input))
            },
            APIRoute(
                .post, base, operationID: "createCustomer", summary: "Create a customer in an ISP (state new)",
                tag: "customers",
                access: .signedIn([
                    .holds(.createCustomers), .visible(.body("isp_id", optional: false), .isp),
                    .visible(.body("package_id", optional: false), .package),
                    .visible(.body("owner_id", optional: true), .account),
                ]), request: CustomerCreate.ref, status: 201, response: CustomerDTO.ref
            ) { input in
                let caller = try input.requireCaller()
                let body = try input.decode(CustomerCreate.self)
                let view = try input.engine.createSubscriber(body.spec, isp: ISPID(body.ispId), by: caller.id)
                return APIResult(status: .created, json: CustomerDTO(view, engine: input.engine))
            },
            APIRoute(
                .patch, base + "/{id}", operationID: "updateCustomer", summary: "Edit a customer", tag: "customers",
                access: .signedIn([
                    .permitted(.path("id"), .subscriber, .editCustomers),
                    .visible(.body("owner_id", optional: true), .account),
                ]),
                request: CustomerUpdate.ref, response: CustomerDTO.ref
            ) { input in
                let caller = try input.requireCaller()
                let body = try input.decode(CustomerUpdate.self)
                let view = try input.engine.updateSubscriber(
                    SubscriberID(try input.pathID()), body.update, by: caller.id)
                return APIResult(json: CustomerDTO(view, engine: input.engine))
            },
            APIRoute(
                .delete, base + "/{id}", operationID: "deleteCustomer",
                summary: "Delete a customer (history stays; live sessions are disconnected)", tag: "customers",
                access: .onPath(.subscriber, .deleteCustomers), status: 204, response: nil
            ) { input in
                try input.engine.deleteSubscriber(SubscriberID(try input.pathID()), by: try input.requireCaller().id)
                return .noContent
            },
            with(
                APIRoute(
                    .post, base + "/{id}/renew", operationID: "renewCustomer",
                    summary: "Activate or renew for one validity (debits the seller's wallet)", tag: "customers",
                    access: .signedIn([
                        .permitted(.path("id"), .subscriber, .receivePayment),
                        .visible(.body("package_id", optional: true), .package),
                    ]),
                    idempotent: true, request: RenewRequest.ref, response: SaleDTO.ref
                ) { input in
                    let caller = try input.requireCaller()
                    let body = input.body.isEmpty ? RenewRequest(packageId: nil) : try input.decode(RenewRequest.self)
                    let receipt = try input.engine.renew(
                        SubscriberID(try input.pathID()), package: body.packageId.map(PackageID.init),
                        idempotencyKey: try engineKey(input), by: caller.id)
                    return APIResult(json: SaleDTO(receipt, engine: input.engine))
                }
            ) { $0.bodyOptional = true },
            action("suspend", "Suspend (the live session is cut or restricted)", .suspendCustomers) {
                engine, id, actor in
                try engine.suspend(id, by: actor)
            },
            action("resume", "Resume a suspended customer", .suspendCustomers) { engine, id, actor in
                try engine.resume(id, by: actor)
            },
            APIRoute(
                .post, base + "/{id}/change-package", operationID: "changeCustomerPackage",
                summary: "Move to another package of the ISP", tag: "customers",
                access: .signedIn([
                    .permitted(.path("id"), .subscriber, .changePackage),
                    .visible(.body("package_id", optional: false), .package),
                ]),
                request: ChangePackageRequest.ref, response: CustomerDTO.ref
            ) { input in
                let caller = try input.requireCaller()
                let body = try input.decode(ChangePackageRequest.self)
                try input.engine.changePackage(
                    SubscriberID(try input.pathID()), to: PackageID(body.packageId), by: caller.id)
                return APIResult(json: try customer(input))
            },
            APIRoute(
                .post, base + "/{id}/disconnect", operationID: "disconnectCustomer",
                summary: "Send Disconnect-Requests for the customer's live sessions", tag: "customers",
                access: .onPath(.subscriber, .disconnectSessions), response: DisconnectReport.ref
            ) { input in
                APIResult(json: try await input.dependencies.disconnect(SubscriberID(try input.pathID())))
            },
            APIRoute(
                .get, base + "/{id}/decision", operationID: "explainCustomerDecision",
                summary: "What RADIUS would answer for this customer now, and why", tag: "customers",
                access: .onPath(.subscriber, .viewCustomers), response: DecisionExplanation.ref
            ) { input in
                guard let explanation = input.dependencies.explainDecision(SubscriberID(try input.pathID())) else {
                    throw Problem.notFound
                }
                return APIResult(json: explanation)
            },
            APIRoute(
                .get, base + "/{id}/usage", operationID: "getCustomerUsage", summary: "Usage per day",
                tag: "customers", access: .onPath(.subscriber, .viewSessions),
                query: [
                    QueryParameter("from", .string(format: "date"), "first day (yyyy-MM-dd)"),
                    QueryParameter("to", .string(format: "date"), "last day (yyyy-MM-dd)"),
                ] + Pagination.parameters, response: .ref(Page<UsageDTO>.schemaName)
            ) { input in
                try usage(input, SubscriberID(try input.pathID()))
            },
        ]
    }

    static func customer(_ input: RouteInput) throws -> CustomerDTO {
        let caller = try input.requireCaller()
        guard let view = input.engine.subscriber(SubscriberID(try input.pathID()), by: caller.id) else {
            throw Problem.notFound
        }
        return CustomerDTO(view, engine: input.engine)
    }

    static func usage(_ input: RouteInput, _ id: SubscriberID) throws -> APIResult {
        let from = try day(input, "from")
        let to = try day(input, "to")
        let rows = try input.engine.usage(
            UsageQuery(subscriberIDs: [id], fromDay: from, toDay: to),
            by: try input.requireCaller().id)
        return try Pagination.page(rows.map(UsageDTO.init), input)
    }

    static func day(_ input: RouteInput, _ name: String) throws -> String? {
        guard let text = input.query(name) else { return nil }
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]), (1...31).contains(day)
        else { throw Problem.validation(name, "must be a date such as 2026-01-31") }
        return text
    }

    /// The key handed to the engine's ledger: scoped by caller so keys never collide across callers.
    static func engineKey(_ input: RouteInput) throws -> String {
        let key = input.request.headers[AccessGate.idempotencyKeyHeader] ?? ""
        return "api:\(try input.requireCaller().id.rawValue):\(key)"
    }

    private static func action(
        _ name: String, _ summary: String, _ permission: Permission,
        _ perform: @escaping @Sendable (BillingEngine, SubscriberID, AccountID) throws -> Void
    ) -> APIRoute {
        APIRoute(
            .post, base + "/{id}/" + name, operationID: name + "Customer", summary: summary, tag: "customers",
            access: .onPath(.subscriber, permission), response: CustomerDTO.ref
        ) { input in
            try perform(input.engine, SubscriberID(try input.pathID()), try input.requireCaller().id)
            return APIResult(json: try customer(input))
        }
    }
}
