import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Login, tokens, logout, expiry and login rate limits")
struct AuthenticationTests {
    @Test("login returns a token, expiry and the user; the token works until logout")
    func loginMeLogout() async throws {
        let world = try TestWorld(bcrypt: true)
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let login = try await api.call(
                .post, "/api/v1/auth/login",
                json: ["email": "op@test.example", "password": TestWorld.password])
            #expect(login.status == 200)
            let token = try #require(login.json["token"] as? String)
            #expect(token.count == 64)
            #expect(login.json["expires_at"] is String)
            #expect((login.json["user"] as? [String: Any])?["role"] as? String == "operator")
            let me = try await api.call(.get, "/api/v1/me", token: token)
            #expect(me.status == 200)
            #expect(me.json["level"] as? Int == 30)
            #expect((me.json["isp"] as? [String: Any])?["name"] as? String == "ISP A")
            #expect((me.json["effective_permissions"] as? [String])?.contains("view_customers") == true)
            #expect((me.json["effective_permissions"] as? [String])?.contains("manage_nas") == false)
            #expect(try await api.call(.post, "/api/v1/auth/logout", token: token).status == 204)
            let after = try await api.call(.get, "/api/v1/me", token: token)
            #expect(after.status == 401)
            #expect(after.contentType == "application/problem+json")
        }
    }

    @Test("the token is stored only as its SHA-256")
    func tokenStoredHashed() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let token = try await world.token("admin", client: client)
            #expect(try world.tokens.token(hash: token) == nil)
            #expect(try world.tokens.token(hash: TokenHash.of(token)) != nil)
        }
    }

    @Test("an expired token is refused")
    func expiry() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("admin", client: client)
            #expect(try await api.call(.get, "/api/v1/me", token: token).status == 200)
            world.clock.advance(by: world.configuration.tokenLifetime + 1)
            #expect(try await api.call(.get, "/api/v1/me", token: token).status == 401)
        }
    }

    @Test("missing, malformed and unknown tokens get 401 problems")
    func badTokens() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            for header in [nil, "Basic abc", "Bearer short", "Bearer " + String(repeating: "0", count: 64)] {
                var headers: HTTPFields = [:]
                if let header { headers[.authorization] = header }
                let response = try await api.call(.get, "/api/v1/customers", headers: headers)
                #expect(response.status == 401)
                #expect(response.json["type"] as? String == "urn:uplink:problem:unauthenticated")
            }
        }
    }

    @Test("five failures per account lock it for the window, even with the right password")
    func rateLimitPerAccount() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            for _ in 0..<5 {
                let wrong = try await api.call(
                    .post, "/api/v1/auth/login", json: ["email": "op@test.example", "password": "nope"])
                #expect(wrong.status == 401)
            }
            let blocked = try await api.call(
                .post, "/api/v1/auth/login",
                json: ["email": "op@test.example", "password": TestWorld.password])
            #expect(blocked.status == 429)
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
            // Another account from another source is unaffected.
            let other = try await api.call(
                .post, "/api/v1/auth/login",
                json: ["email": "admin@test.example", "password": TestWorld.password])
            #expect(other.status == 429 || other.status == 200)
            world.clock.advance(by: world.configuration.loginWindow + 1)
            let later = try await api.call(
                .post, "/api/v1/auth/login",
                json: ["email": "op@test.example", "password": TestWorld.password])
            #expect(later.status == 200)
        }
    }

    @Test("failures from one source address lock that source across accounts")
    func rateLimitPerSource() async throws {
        var configuration = AdminHTTPConfiguration(bcryptCost: 4)
        configuration.trustForwardedFor = true
        let world = try TestWorld(configuration: configuration)
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let attacker: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.9"]
            for index in 0..<5 {
                _ = try await api.call(
                    .post, "/api/v1/auth/login",
                    json: ["email": "nobody\(index)@test.example", "password": "x"], headers: attacker)
            }
            let blocked = try await api.call(
                .post, "/api/v1/auth/login",
                json: ["email": "admin@test.example", "password": TestWorld.password],
                headers: attacker)
            #expect(blocked.status == 429)
            let elsewhere = try await api.call(
                .post, "/api/v1/auth/login",
                json: ["email": "admin@test.example", "password": TestWorld.password],
                headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.4"])
            #expect(elsewhere.status == 200)
        }
    }
}
