import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Idempotency keys and the signed payment webhook")
struct MoneyRoutesTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    @Test("a money-moving POST without Idempotency-Key is a 400 problem and changes nothing")
    func missingKey() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("op", client: client)
            let sub = world.ids.accounts["sub"]!.rawValue
            let before = try await api.call(.get, "/api/v1/wallets/\(sub)", token: token).json["balance"] as? Int
            let response = try await api.call(
                .post, "/api/v1/wallets/\(sub)/top-up", token: token, json: ["amount": 500])
            #expect(response.status == 400)
            #expect(response.json["type"] as? String == "urn:uplink:problem:idempotency-key-missing")
            #expect(response.json["field"] as? String == "Idempotency-Key")
            let after = try await api.call(.get, "/api/v1/wallets/\(sub)", token: token).json["balance"] as? Int
            #expect(before == after)
        }
    }

    @Test("a replayed renewal returns the first status and body and debits the wallet once")
    func replay() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("sub", client: client)
            let sub = world.ids.accounts["sub"]!.rawValue
            let customer = world.ids.customers["own"]!.rawValue
            let start = try await api.call(.get, "/api/v1/wallets/\(sub)", token: token).json["balance"] as? Int ?? 0
            let first = try await api.call(
                .post, "/api/v1/customers/\(customer)/renew", token: token, json: [:],
                headers: [Self.key: "renew-1"])
            #expect(first.status == 200)
            let second = try await api.call(
                .post, "/api/v1/customers/\(customer)/renew", token: token, json: [:],
                headers: [Self.key: "renew-1"])
            #expect(second.status == first.status)
            #expect(second.body == first.body)
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let end = try await api.call(.get, "/api/v1/wallets/\(sub)", token: token).json["balance"] as? Int ?? 0
            #expect(start - end == 1_500)  // the Sub-Operator's cost, once
            // The same key with another body is refused.
            let other = try await api.call(
                .post, "/api/v1/customers/\(customer)/renew", token: token,
                json: ["package_id": world.ids.packages["sib"]!.rawValue],
                headers: [Self.key: "renew-1"])
            #expect(other.status == 422)
            // A new key renews again.
            let third = try await api.call(
                .post, "/api/v1/customers/\(customer)/renew", token: token, json: [:],
                headers: [Self.key: "renew-2"])
            #expect(third.status == 200)
            #expect(third.body != first.body)
        }
    }

    @Test("a failed money-moving request is replayed as the same problem")
    func replayedFailure() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("admin", client: client)
            let op = world.ids.accounts["op"]!.rawValue
            let body = "{\"amount\":100,\"source\":\"parent_wallet\"}"
            let first = try await api.call(
                .post, "/api/v1/wallets/\(op)/top-up", token: token, raw: body,
                headers: [Self.key: "k"])
            #expect(first.status == 400)
            let second = try await api.call(
                .post, "/api/v1/wallets/\(op)/top-up", token: token, raw: body,
                headers: [Self.key: "k"])
            #expect(second.status == 400)
            #expect(second.body == first.body)
            #expect(second.contentType == "application/problem+json")
        }
    }

    @Test("webhook: a bad or missing signature is refused, a good one credits once, a replay changes nothing")
    func webhook() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let admin = try await world.token("admin", client: client)
            let op = world.ids.accounts["op"]!.rawValue
            let gateway = world.ids.gateways["own"]!.rawValue
            let path = "/api/v1/payments/webhook/\(gateway)"
            let body = "{\"transaction_id\":\"TX-77\",\"account_id\":\(op),\"amount\":2500,\"status\":\"captured\"}"
            let signature = HTTPField.Name(WebhookSignature.header)!
            let start = try await api.call(.get, "/api/v1/wallets/\(op)", token: admin).json["balance"] as? Int ?? 0

            let unsigned = try await api.call(.post, path, raw: body)
            #expect(unsigned.status == 401)
            let wrong = try await api.call(
                .post, path, raw: body,
                headers: [signature: WebhookSignature.sign(body: Array(body.utf8), secret: "wrong")])
            #expect(wrong.status == 401)
            #expect(wrong.json["type"] as? String == "urn:uplink:problem:bad-signature")
            let tampered = body.replacingOccurrences(of: "2500", with: "9999")
            let tamperedResponse = try await api.call(
                .post, path, raw: tampered,
                headers: [
                    signature: WebhookSignature.sign(body: Array(body.utf8), secret: TestWorld.gatewaySecret)
                ])
            #expect(tamperedResponse.status == 401)
            #expect(try await api.call(.get, "/api/v1/wallets/\(op)", token: admin).json["balance"] as? Int == start)

            let good: HTTPFields = [
                signature: WebhookSignature.sign(body: Array(body.utf8), secret: TestWorld.gatewaySecret)
            ]
            let first = try await api.call(.post, path, raw: body, headers: good)
            #expect(first.status == 200)
            let replay = try await api.call(.post, path, raw: body, headers: good)
            #expect(replay.status == 200)
            #expect(replay.json["id"] as? Int == first.json["id"] as? Int)
            let end = try await api.call(.get, "/api/v1/wallets/\(op)", token: admin).json["balance"] as? Int ?? 0
            #expect(end - start == 2500)
            // An unknown gateway does not reveal anything.
            #expect(
                try await api.call(.post, "/api/v1/payments/webhook/999999", raw: body, headers: good).status == 404)
        }
    }
}
