import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Validation problems: malformed JSON, types, ranges, grammar; a bad request changes nothing")
struct ValidationTests {
    struct Case: Sendable, CustomStringConvertible {
        var path: String
        var method: HTTPRequest.Method
        var raw: String
        var field: String?
        var type: String
        var description: String { "\(method) \(path) \(raw)" }
    }

    static func cases(_ w: TestWorld) -> [Case] {
        let isp = w.ids.isps["A"]!.rawValue
        let package = w.ids.packages["own"]!.rawValue
        return [
            Case(path: "/api/v1/customers", method: .post, raw: "{not json", field: nil, type: "malformed-json"),
            Case(path: "/api/v1/customers", method: .post, raw: "", field: nil, type: "malformed-json"),
            Case(path: "/api/v1/customers", method: .post, raw: "[1,2]", field: "body", type: "validation"),
            Case(
                path: "/api/v1/customers", method: .post, raw: "{\"isp_id\":\"A\"}", field: "isp_id", type: "validation"
            ),
            Case(
                path: "/api/v1/customers", method: .post,
                raw: "{\"isp_id\":\(isp),\"username\":\"x\",\"package_id\":\(package)}", field: "password",
                type: "validation"),
            Case(
                path: "/api/v1/customers", method: .post,
                raw:
                    "{\"isp_id\":\(isp),\"username\":\"x\",\"password\":\"p\",\"package_id\":\(package),\"static_ipv4\":\"10.0.0.300\"}",
                field: "static_ipv4", type: "validation"),
            Case(
                path: "/api/v1/customers", method: .post,
                raw:
                    "{\"isp_id\":\(isp),\"username\":\"\(String(repeating: "u", count: 65))\",\"password\":\"p\",\"package_id\":\(package)}",
                field: "username", type: "validation"),
            Case(
                path: "/api/v1/packages", method: .post,
                raw:
                    "{\"isp_id\":\(isp),\"name\":\"P\",\"rate_limit\":\"fast please\",\"validity\":{\"unit\":\"days\",\"count\":30}}",
                field: "rate_limit", type: "validation"),
            Case(
                path: "/api/v1/packages", method: .post,
                raw:
                    "{\"isp_id\":\(isp),\"name\":\"P\",\"rate_limit\":\"1M/2M\",\"validity\":{\"unit\":\"weeks\",\"count\":0}}",
                field: "validity.unit", type: "validation"),
            Case(
                path: "/api/v1/nas", method: .post,
                raw: "{\"isp_id\":\(isp),\"name\":\"N\",\"address\":\"192.0.2.0/33\",\"secret\":\"s\"}",
                field: "address", type: "validation"),
            Case(
                path: "/api/v1/nas", method: .post,
                raw: "{\"isp_id\":\(isp),\"name\":\"N\",\"address\":\"192.0.2.1\",\"secret\":\"s\",\"coa_port\":70000}",
                field: "coa_port", type: "validation"),
            Case(
                path: "/api/v1/prices", method: .post,
                raw:
                    "{\"package_id\":\(package),\"buyer_kind\":\"seller\",\"buyer_id\":\(w.ids.accounts["op"]!.rawValue),\"amount\":-5}",
                field: "amount", type: "validation"),
            Case(
                path: "/api/v1/prices", method: .post,
                raw:
                    "{\"package_id\":\(package),\"buyer_kind\":\"seller\",\"buyer_id\":\(w.ids.accounts["op"]!.rawValue),\"amount\":1.5}",
                field: "amount", type: "validation"),
            Case(
                path: "/api/v1/users", method: .post,
                raw:
                    "{\"role\":\"operator\",\"email\":\"not-an-email\",\"password\":\"long-password\",\"display_name\":\"X\"}",
                field: "email", type: "validation"),
            Case(
                path: "/api/v1/users", method: .post,
                raw:
                    "{\"role\":\"wizard\",\"email\":\"w@x.example\",\"password\":\"long-password\",\"display_name\":\"X\"}",
                field: "role", type: "validation"),
            Case(
                path: "/api/v1/customers", method: .post,
                raw:
                    "{\"isp_id\":\(isp),\"username\":\"x\",\"password\":\"p\",\"package_id\":\(package),\"colour\":\"red\"}",
                field: "colour", type: "validation"),
            Case(
                path: "/api/v1/nas", method: .post,
                raw:
                    "{\"isp_id\":\(isp),\"name\":\"N\",\"address\":\"192.0.2.1\",\"secret\":\"s\",\"routeros\":{\"host\":\"h\",\"username\":\"u\",\"pasword\":\"x\"}}",
                field: "routeros.pasword", type: "validation"),
            Case(path: "/api/v1/customers?per_page=0", method: .get, raw: "", field: "per_page", type: "validation"),
            Case(path: "/api/v1/customers?status=sleeping", method: .get, raw: "", field: "status", type: "validation"),
            Case(path: "/api/v1/customers/abc", method: .get, raw: "", field: "id", type: "validation"),
        ]
    }

    @Test("each bad input gets a 400 problem naming the field, and nothing is created")
    func badInputs() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("admin", client: client)
            let customersBefore = world.engine.subscriberCount
            let nasBefore = world.engine.radiusClients().count
            for testCase in Self.cases(world) {
                let response = try await api.call(
                    testCase.method, testCase.path, token: token,
                    raw: testCase.method == .get ? nil : testCase.raw)
                #expect(response.status == 400, "\(testCase): \(response.text)")
                #expect(response.contentType == "application/problem+json", "\(testCase)")
                #expect(
                    response.json["type"] as? String == "urn:uplink:problem:" + testCase.type,
                    "\(testCase): \(response.text)")
                #expect(response.json["title"] is String)
                #expect(response.json["status"] as? Int == 400)
                if let field = testCase.field {
                    #expect(response.json["field"] as? String == field, "\(testCase): \(response.text)")
                }
            }
            #expect(world.engine.subscriberCount == customersBefore)
            #expect(world.engine.radiusClients().count == nasBefore)
        }
    }

    @Test("unknown paths are 404 problems; a known path with another method is 405 with Allow")
    func unknownPath() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let response = try await api.call(.get, "/api/v1/nothing-here")
            #expect(response.status == 404)
            #expect(response.contentType == "application/problem+json")
            let wrongMethod = try await api.call(.put, "/api/v1/customers/5")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers[.allow] == "DELETE, GET, PATCH")
            #expect(wrongMethod.contentType == "application/problem+json")
        }
    }
}
