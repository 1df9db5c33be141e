import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/v1/reports/{name}`: the reports run as the caller, in JSON that matches the
/// document or in CSV; bad filters are 400 naming the parameter; scope is 404, role is 403.
/// (Every role × report × target status is in docs/authorization.md; the SQL behind the
/// reports is tested in ReportingTests and end to end in Tests/Integration.)
@Suite("Report routes")
struct ReportRoutesTests {
    /// The customers listed by the `expiring` report of `name` (the test source lists every
    /// customer of the caller's scope).
    static func customers(_ name: String, _ world: TestWorld, _ api: APIClient, query: String = "") async throws
        -> [String]
    {
        let token = try await world.token(name, client: api.client)
        let response = try await api.call(.get, "/api/v1/reports/expiring" + query, token: token)
        #expect(response.status == 200, "\(name): \(response.text)")
        let rows = response.json["rows"] as? [[String: Any]] ?? []
        return rows.compactMap { $0["customer"] as? String }.sorted()
    }

    static func expect(
        _ name: String, _ world: TestWorld, _ api: APIClient, query: String = "", _ expected: [String]
    ) async throws {
        let seen = try await customers(name, world, api, query: query)
        #expect(seen == expected, "\(name)\(query)")
    }

    @Test("each role's report reaches only its own subtree")
    func scopedByRole() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            try await Self.expect("dev", world, api, ["c-B", "c-C", "c-own", "c-sib"])
            try await Self.expect("sa", world, api, ["c-B", "c-own", "c-sib"])
            try await Self.expect("admin", world, api, ["c-own", "c-sib"])
            try await Self.expect("op", world, api, ["c-own"])
            try await Self.expect("sub2", world, api, ["c-sib"])
            try await Self.expect("opB", world, api, ["c-B"])
            try await Self.expect("staff", world, api, ["c-own", "c-sib"])
            try await Self.expect("cust", world, api, ["c-own"])
            let own = world.ids.customers["own"]!.rawValue
            try await Self.expect("admin", world, api, query: "?customer=\(own)", ["c-own"])
            let opID = world.ids.accounts["op"]!.rawValue
            try await Self.expect("admin", world, api, query: "?operator=\(opID)", ["c-own"])
        }
    }

    @Test("outside the caller's scope is 404, a role without the permission 403")
    func scopeAndRole() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let op = try await world.token("op", client: client)
            let sib = world.ids.customers["sib"]!.rawValue
            let notFound = try await api.call(.get, "/api/v1/reports/usage?customer=\(sib)", token: op)
            #expect(notFound.status == 404)
            #expect(notFound.contentType.hasPrefix("application/problem+json"))
            let adminB = try await world.token("adminB", client: client)
            let ispA = world.ids.isps["A"]!.rawValue
            #expect(try await api.call(.get, "/api/v1/reports/operators?isp=\(ispA)", token: adminB).status == 404)
            let nasC = world.ids.nas["C"]!.rawValue
            let admin = try await world.token("admin", client: client)
            #expect(try await api.call(.get, "/api/v1/reports/nas?nas=\(nasC)", token: admin).status == 404)
            #expect(try await api.call(.get, "/api/v1/reports/nas", token: op).status == 403)
            let acc = try await world.token("acc", client: client)
            #expect(try await api.call(.get, "/api/v1/reports/usage", token: acc).status == 403)
            #expect(try await api.call(.get, "/api/v1/reports/revenue", token: acc).status == 200)
            let cust = try await world.token("cust", client: client)
            #expect(try await api.call(.get, "/api/v1/reports/sessions", token: cust).status == 200)
            #expect(try await api.call(.get, "/api/v1/reports/operators", token: cust).status == 403)
            #expect(try await api.call(.get, "/api/v1/reports/profit", token: admin).status == 404)
            #expect(try await api.call(.get, "/api/v1/reports/usage").status == 401)
        }
    }

    @Test("JSON matches the document's Report schema; CSV by format=csv or Accept: text/csv")
    func formats() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("admin", client: client)
            let document = try await api.call(.get, "/api/v1/openapi.json").json
            let validator = SchemaValidator(document: document)
            for report in ["usage", "sessions", "online", "top", "nas", "operators", "revenue", "expiring"] {
                let response = try await api.call(.get, "/api/v1/reports/\(report)", token: token)
                #expect(response.status == 200, "\(report): \(response.text)")
                #expect(response.contentType == "application/json")
                let body = try JSONSerialization.jsonObject(with: Data(response.body))
                let errors = validator.validate(body, against: ["$ref": "#/components/schemas/Report"])
                #expect(errors.isEmpty, "\(report): \(errors)")
                #expect(response.json["report"] as? String == report)
            }
            let csv = try await api.call(.get, "/api/v1/reports/expiring?format=csv", token: token)
            #expect(csv.status == 200)
            #expect(csv.contentType == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("customer,isp,seller,package,status,expires,remaining,phone\r\n"))
            #expect(csv.text.contains("c-own,ISP A,sub@test.example"))
            let accepted = try await api.call(
                .get, "/api/v1/reports/expiring", token: token, headers: [.accept: "text/csv, application/json;q=0.5"])
            #expect(accepted.contentType == "text/csv; charset=utf-8")
            #expect(accepted.text == csv.text)
            let forced = try await api.call(
                .get, "/api/v1/reports/expiring?format=json", token: token, headers: [.accept: "text/csv"])
            #expect(forced.contentType == "application/json")
            let paths = document["paths"] as? [String: Any]
            let usage = (paths?["/api/v1/reports/usage"] as? [String: Any])?["get"] as? [String: Any]
            let ok = (usage?["responses"] as? [String: Any])?["200"] as? [String: Any]
            let content = ok?["content"] as? [String: Any]
            #expect(Set(content?.keys.map { $0 } ?? []) == ["application/json", "text/csv"])
        }
    }

    @Test("a bad filter is a 400 problem naming the query parameter; nothing else is read")
    func badFilters() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("admin", client: client)
            let cases: [(String, String)] = [
                ("usage?from=2026-02-01&to=2026-01-01", "from"),
                ("usage?from=yesterday", "from"),
                ("usage?to=2026-02-30", "to"),
                ("usage?nas=1", "nas"),
                ("nas?customer=1", "customer"),
                ("usage?customer=abc", "customer"),
                ("usage?by=week", "by"),
                ("top?by=day", "by"),
                ("usage?limit=0", "limit"),
                ("usage?limit=100001", "limit"),
                ("expiring?days=0", "days"),
                ("usage?format=xml", "format"),
                ("revenue?operator=\(world.ids.accounts["mgr"]!.rawValue)", "operator"),
            ]
            for (query, field) in cases {
                let response = try await api.call(.get, "/api/v1/reports/" + query, token: token)
                #expect(response.status == 400, "\(query): \(response.status) \(response.text)")
                #expect(response.json["field"] as? String == field, "\(query): \(response.text)")
                #expect(response.contentType.hasPrefix("application/problem+json"))
                #expect(!(response.json["detail"] as? String ?? "").contains("--"), "\(query): \(response.text)")
            }
        }
    }
}
