import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes

/// The request each authorization-matrix row sends for each target column:
/// `own` (inside the caller's subtree: customer `c-own` of Sub-Operator `sub` under Operator `op`
/// in ISP A), `sib` (the sibling subtree in ISP A: `sub2` under `op2`), `B` (ISP B, same tenancy),
/// `C` (ISP C in the other tenancy), or `any` for routes without a target.
struct MatrixRequest {
    var method: HTTPRequest.Method
    var path: String
    var body: [String: Any]?
    var idempotent = false
    /// For list routes: the id that should (or should not) be listed.
    var listedID: Int64?
}

enum MatrixScenario {
    static let targets = ["own", "sib", "B", "C"]

    static func isp(_ t: String, _ w: TestWorld) -> Int64 { w.ids.isps[t == "own" || t == "sib" ? "A" : t]!.rawValue }
    static func tenancy(_ t: String, _ w: TestWorld) -> Int64 { w.ids.tenancies[t == "C" ? "T2" : "T1"]!.rawValue }
    static func seller(_ t: String, _ w: TestWorld) -> Int64 {
        w.ids.accounts[["own": "sub", "sib": "sub2", "B": "opB", "C": "opC"][t]!]!.rawValue
    }
    static func operatorOf(_ t: String, _ w: TestWorld) -> Int64 {
        w.ids.accounts[["own": "op", "sib": "op2", "B": "opB", "C": "opC"][t]!]!.rawValue
    }
    static func manager(_ t: String, _ w: TestWorld) -> Int64 {
        w.ids.accounts[["own": "mgr", "sib": "staff", "B": "mgrB", "C": "mgrC"][t]!]!.rawValue
    }
    static func plan(_ t: String, _ w: TestWorld) -> Int64 { w.ids.plans[t == "C" ? "T2" : "T1"]!.rawValue }

    /// The request for `endpoint` (as written in docs/authorization.md) and target; nil when the
    /// endpoint is unknown to the test (the test then fails: table and scenarios must agree).
    static func request(_ endpoint: String, _ t: String, _ w: TestWorld) -> MatrixRequest? {
        let customer = t == "any" ? 0 : w.ids.customers[t]!.rawValue
        let unique = "m\(UInt32.random(in: 0...UInt32.max))"
        switch endpoint {
        // Customers
        case "GET /api/v1/customers": return MatrixRequest(method: .get, path: "/api/v1/customers", listedID: customer)
        case "GET /api/v1/customers/{id}": return MatrixRequest(method: .get, path: "/api/v1/customers/\(customer)")
        case "POST /api/v1/customers":
            return MatrixRequest(
                method: .post, path: "/api/v1/customers",
                body: [
                    "isp_id": isp(t, w), "username": unique, "password": "pw-\(unique)",
                    "package_id": w.ids.packages[t]!.rawValue, "owner_id": seller(t, w),
                ])
        case "PATCH /api/v1/customers/{id}":
            return MatrixRequest(method: .patch, path: "/api/v1/customers/\(customer)", body: ["full_name": "Renamed"])
        case "DELETE /api/v1/customers/{id}":
            return MatrixRequest(method: .delete, path: "/api/v1/customers/\(customer)")
        case "POST /api/v1/customers/{id}/renew":
            return MatrixRequest(
                method: .post, path: "/api/v1/customers/\(customer)/renew", body: [:], idempotent: true)
        case "POST /api/v1/customers/{id}/suspend":
            return MatrixRequest(method: .post, path: "/api/v1/customers/\(customer)/suspend")
        case "POST /api/v1/customers/{id}/resume":
            return MatrixRequest(method: .post, path: "/api/v1/customers/\(customer)/resume")
        case "POST /api/v1/customers/{id}/change-package":
            let other = t == "own" ? w.ids.packages["sib"]! : t == "sib" ? w.ids.packages["own"]! : w.ids.packages[t]!
            return MatrixRequest(
                method: .post, path: "/api/v1/customers/\(customer)/change-package",
                body: ["package_id": other.rawValue])
        case "POST /api/v1/customers/{id}/disconnect":
            return MatrixRequest(method: .post, path: "/api/v1/customers/\(customer)/disconnect")
        case "GET /api/v1/customers/{id}/decision":
            return MatrixRequest(method: .get, path: "/api/v1/customers/\(customer)/decision")
        case "GET /api/v1/customers/{id}/usage":
            return MatrixRequest(method: .get, path: "/api/v1/customers/\(customer)/usage")
        case "GET /api/v1/customers/{id}/enforcement":
            return MatrixRequest(method: .get, path: "/api/v1/customers/\(customer)/enforcement")
        // Hierarchy
        case "GET /api/v1/tenancies":
            return MatrixRequest(method: .get, path: "/api/v1/tenancies", listedID: tenancy(t, w))
        case "GET /api/v1/tenancies/{id}":
            return MatrixRequest(method: .get, path: "/api/v1/tenancies/\(tenancy(t, w))")
        case "POST /api/v1/tenancies":
            return MatrixRequest(
                method: .post, path: "/api/v1/tenancies",
                body: [
                    "name": "New \(unique)", "currency": "USD", "time_zone": "UTC",
                    "super_admin": [
                        "email": "\(unique)@new.example", "password": "long-password", "display_name": "New SA",
                    ],
                ])
        case "PATCH /api/v1/tenancies/{id}":
            return MatrixRequest(
                method: .patch, path: "/api/v1/tenancies/\(tenancy(t, w))", body: ["name": "Renamed \(unique)"])
        case "DELETE /api/v1/tenancies/{id}":
            return MatrixRequest(method: .delete, path: "/api/v1/tenancies/\(tenancy(t, w))")
        case "GET /api/v1/isps": return MatrixRequest(method: .get, path: "/api/v1/isps", listedID: isp(t, w))
        case "GET /api/v1/isps/{id}": return MatrixRequest(method: .get, path: "/api/v1/isps/\(isp(t, w))")
        case "POST /api/v1/isps":
            return MatrixRequest(
                method: .post, path: "/api/v1/isps",
                body: [
                    "tenancy_id": tenancy(t, w), "name": "ISP \(unique)",
                    "admin": [
                        "email": "\(unique)@isp.example", "password": "long-password", "display_name": "New Admin",
                    ],
                ])
        case "PATCH /api/v1/isps/{id}":
            return MatrixRequest(method: .patch, path: "/api/v1/isps/\(isp(t, w))", body: ["name": "ISP \(unique)"])
        case "DELETE /api/v1/isps/{id}": return MatrixRequest(method: .delete, path: "/api/v1/isps/\(isp(t, w))")
        case "GET /api/v1/users": return MatrixRequest(method: .get, path: "/api/v1/users", listedID: seller(t, w))
        case "GET /api/v1/users/{id}": return MatrixRequest(method: .get, path: "/api/v1/users/\(seller(t, w))")
        case "POST /api/v1/users":
            return MatrixRequest(
                method: .post, path: "/api/v1/users",
                body: [
                    "role": "sub_operator", "email": "\(unique)@users.example", "password": "long-password",
                    "display_name": "New Sub", "parent_id": operatorOf(t, w),
                ])
        case "PATCH /api/v1/users/{id}":
            return MatrixRequest(method: .patch, path: "/api/v1/users/\(seller(t, w))", body: ["disabled": false])
        case "GET /api/v1/role-labels":
            return MatrixRequest(method: .get, path: "/api/v1/role-labels?tenancy_id=\(tenancy(t, w))")
        case "PUT /api/v1/role-labels":
            return MatrixRequest(
                method: .put, path: "/api/v1/role-labels",
                body: ["tenancy_id": tenancy(t, w), "role": "operator", "label": "Partner"])
        case "GET /api/v1/permissions": return MatrixRequest(method: .get, path: "/api/v1/permissions")
        case "GET /api/v1/permissions/{id}":
            return MatrixRequest(method: .get, path: "/api/v1/permissions/\(manager(t, w))")
        case "PUT /api/v1/permissions/{id}":
            return MatrixRequest(
                method: .put, path: "/api/v1/permissions/\(manager(t, w))",
                body: ["permissions": ["view_customers"]])
        case "GET /api/v1/plans": return MatrixRequest(method: .get, path: "/api/v1/plans", listedID: plan(t, w))
        case "GET /api/v1/plans/{id}": return MatrixRequest(method: .get, path: "/api/v1/plans/\(plan(t, w))")
        case "POST /api/v1/plans":
            return MatrixRequest(
                method: .post, path: "/api/v1/plans",
                body: ["name": "Plan \(unique)", "monthly_fee": 1000, "tenancy_id": tenancy(t, w)])
        case "PATCH /api/v1/plans/{id}":
            return MatrixRequest(method: .patch, path: "/api/v1/plans/\(plan(t, w))", body: ["monthly_fee": 1_200])
        case "DELETE /api/v1/plans/{id}": return MatrixRequest(method: .delete, path: "/api/v1/plans/\(plan(t, w))")
        // Packages and prices
        case "GET /api/v1/packages":
            return MatrixRequest(method: .get, path: "/api/v1/packages", listedID: w.ids.packages[t]!.rawValue)
        case "GET /api/v1/packages/{id}":
            return MatrixRequest(method: .get, path: "/api/v1/packages/\(w.ids.packages[t]!.rawValue)")
        case "POST /api/v1/packages":
            return MatrixRequest(method: .post, path: "/api/v1/packages", body: packageBody(isp: isp(t, w), unique))
        case "PUT /api/v1/packages/{id}":
            return MatrixRequest(
                method: .put, path: "/api/v1/packages/\(w.ids.packages[t]!.rawValue)",
                body: packageBody(isp: nil, unique))
        case "DELETE /api/v1/packages/{id}":
            return MatrixRequest(method: .delete, path: "/api/v1/packages/\(w.ids.packages[t]!.rawValue)")
        case "GET /api/v1/prices":
            return MatrixRequest(
                method: .get, path: "/api/v1/prices?isp_id=\(isp(t, w))", listedID: w.ids.prices[t]!.rawValue)
        case "GET /api/v1/prices/{id}":
            return MatrixRequest(method: .get, path: "/api/v1/prices/\(w.ids.prices[t]!.rawValue)")
        case "POST /api/v1/prices":
            return MatrixRequest(
                method: .post, path: "/api/v1/prices",
                body: [
                    "package_id": w.ids.packages[t]!.rawValue, "buyer_kind": "customers_of", "buyer_id": seller(t, w),
                    "amount": 9_000,
                ])
        // Network
        case "GET /api/v1/nas":
            return MatrixRequest(method: .get, path: "/api/v1/nas", listedID: w.ids.nas[t]!.rawValue)
        case "GET /api/v1/nas/{id}": return MatrixRequest(method: .get, path: "/api/v1/nas/\(w.ids.nas[t]!.rawValue)")
        case "POST /api/v1/nas":
            return MatrixRequest(method: .post, path: "/api/v1/nas", body: nasBody(isp: isp(t, w)))
        case "PUT /api/v1/nas/{id}":
            return MatrixRequest(method: .put, path: "/api/v1/nas/\(w.ids.nas[t]!.rawValue)", body: nasBody(isp: nil))
        case "DELETE /api/v1/nas/{id}":
            return MatrixRequest(method: .delete, path: "/api/v1/nas/\(w.ids.nas[t]!.rawValue)")
        case "GET /api/v1/pools":
            return MatrixRequest(method: .get, path: "/api/v1/pools", listedID: w.ids.pools[t]!.rawValue)
        case "GET /api/v1/pools/{id}":
            return MatrixRequest(method: .get, path: "/api/v1/pools/\(w.ids.pools[t]!.rawValue)")
        case "POST /api/v1/pools":
            return MatrixRequest(
                method: .post, path: "/api/v1/pools",
                body: ["isp_id": isp(t, w), "name": "pool-\(unique)", "ranges": "10.9.0.2-10.9.0.9"])
        case "PATCH /api/v1/pools/{id}":
            return MatrixRequest(
                method: .patch, path: "/api/v1/pools/\(w.ids.pools[t]!.rawValue)", body: ["ranges": "10.9.0.2-10.9.0.99"])
        case "DELETE /api/v1/pools/{id}":
            return MatrixRequest(method: .delete, path: "/api/v1/pools/\(w.ids.pools[t]!.rawValue)")
        case "GET /api/v1/gateways":
            return MatrixRequest(method: .get, path: "/api/v1/gateways", listedID: w.ids.gateways[t]!.rawValue)
        case "GET /api/v1/gateways/{id}":
            return MatrixRequest(method: .get, path: "/api/v1/gateways/\(w.ids.gateways[t]!.rawValue)")
        case "POST /api/v1/gateways":
            return MatrixRequest(
                method: .post, path: "/api/v1/gateways",
                body: [
                    "kind": "sms", "owner_level": "isp", "owner_id": isp(t, w), "provider": "test",
                    "name": "gw-\(unique)",
                ])
        case "PATCH /api/v1/gateways/{id}":
            return MatrixRequest(
                method: .patch, path: "/api/v1/gateways/\(w.ids.gateways[t]!.rawValue)", body: ["enabled": false])
        case "DELETE /api/v1/gateways/{id}":
            return MatrixRequest(method: .delete, path: "/api/v1/gateways/\(w.ids.gateways[t]!.rawValue)")
        // Money
        case "GET /api/v1/wallets": return MatrixRequest(method: .get, path: "/api/v1/wallets", listedID: seller(t, w))
        case "GET /api/v1/wallets/{id}": return MatrixRequest(method: .get, path: "/api/v1/wallets/\(seller(t, w))")
        case "GET /api/v1/wallets/{id}/entries":
            return MatrixRequest(method: .get, path: "/api/v1/wallets/\(seller(t, w))/entries")
        case "POST /api/v1/wallets/{id}/top-up":
            return MatrixRequest(
                method: .post, path: "/api/v1/wallets/\(seller(t, w))/top-up", body: ["amount": 100],
                idempotent: true)
        case "GET /api/v1/ledger": return MatrixRequest(method: .get, path: "/api/v1/ledger?account_id=\(seller(t, w))")
        case "GET /api/v1/invoices":
            return MatrixRequest(method: .get, path: "/api/v1/invoices", listedID: w.ids.invoices[t]!.rawValue)
        case "GET /api/v1/invoices/{id}":
            return MatrixRequest(method: .get, path: "/api/v1/invoices/\(w.ids.invoices[t]!.rawValue)")
        case "POST /api/v1/invoices/{id}/pay":
            return MatrixRequest(
                method: .post, path: "/api/v1/invoices/\(w.ids.invoices[t]!.rawValue)/pay", idempotent: true)
        case "POST /api/v1/invoices/{id}/void":
            return MatrixRequest(
                method: .post, path: "/api/v1/invoices/\(w.ids.invoices[t]!.rawValue)/void", idempotent: true)
        case "GET /api/v1/charges": return MatrixRequest(method: .get, path: "/api/v1/charges")
        case "POST /api/v1/charges":
            return MatrixRequest(
                method: .post, path: "/api/v1/charges",
                body: [
                    "payer_id": seller(t, w), "kind": "add_on", "amount": 700, "description": "matrix charge",
                    "due_at": "2027-01-01T00:00:00Z",
                ], idempotent: true)
        // Activity
        case "GET /api/v1/sessions":
            return MatrixRequest(method: .get, path: "/api/v1/sessions?customer_id=\(customer)")
        case "GET /api/v1/audit": return MatrixRequest(method: .get, path: "/api/v1/audit?isp_id=\(isp(t, w))")
        // The caller itself
        case "GET /api/v1/me": return MatrixRequest(method: .get, path: "/api/v1/me")
        case "GET /api/v1/me/customer": return MatrixRequest(method: .get, path: "/api/v1/me/customer")
        case "GET /api/v1/me/sessions": return MatrixRequest(method: .get, path: "/api/v1/me/sessions")
        case "GET /api/v1/me/usage": return MatrixRequest(method: .get, path: "/api/v1/me/usage")
        case "GET /api/v1/me/invoices": return MatrixRequest(method: .get, path: "/api/v1/me/invoices")
        case let report where report.hasPrefix("GET /api/v1/reports/"):
            return reportRequest(String(report.dropFirst("GET /api/v1/reports/".count)), t, w)
        default: return nil
        }
    }

    /// A report narrowed to the target by its most specific filter: the customer for customer
    /// data, the NAS for `nas`, the seller (`sub`, `sub2`, `opB`, `opC`) for `operators`, `revenue`.
    static func reportRequest(_ name: String, _ t: String, _ w: TestWorld) -> MatrixRequest? {
        let filter: String
        switch name {
        case "usage", "sessions", "online", "top", "expiring": filter = "customer=\(w.ids.customers[t]!.rawValue)"
        case "nas": filter = "nas=\(w.ids.nas[t]!.rawValue)"
        case "operators", "revenue": filter = "operator=\(seller(t, w))"
        default: return nil
        }
        return MatrixRequest(method: .get, path: "/api/v1/reports/\(name)?\(filter)")
    }

    static func packageBody(isp: Int64?, _ unique: String) -> [String: Any] {
        var body: [String: Any] = [
            "name": "pkg-\(unique)", "rate_limit": "2M/4M", "validity": ["unit": "days", "count": 30],
        ]
        if let isp { body["isp_id"] = isp }
        return body
    }

    static func nasBody(isp: Int64?) -> [String: Any] {
        var body: [String: Any] = ["name": "nas-new", "address": "203.0.113.0/28", "secret": TestWorld.nasSecret]
        if let isp { body["isp_id"] = isp }
        return body
    }
}
