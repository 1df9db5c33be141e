import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@Suite("No secret in any response or log line")
struct SecretsNeverLeakTests {
    /// Every secret the test world knows: account and customer passwords, the NAS secret, the
    /// RouterOS API password, the gateway key, and the stored password form of the test hasher.
    static let secrets = [
        TestWorld.password, "plain:" + TestWorld.password, TestWorld.nasSecret,
        TestWorld.routerOSPassword, TestWorld.gatewaySecret, TestWorld.customerPassword,
    ]

    @Test("every GET route for several roles, creations with secrets, login and audit: no secret in bodies or logs")
    func sweep() async throws {
        let world = try TestWorld()
        let logs = CapturedLogs()
        var dependencies = world.dependencies
        dependencies.logger = Logger(label: "sweep", factory: { _ in CapturingLogHandler(logs: logs) })
        dependencies.logger.logLevel = .trace
        let router = buildAdminRouter(configuration: world.configuration, dependencies: dependencies)
        let routes = adminRouteSignatures(configuration: world.configuration, dependencies: world.dependencies)
        let idFor: [String: Int64] = [
            "customers": world.ids.customers["own"]!.rawValue, "nas": world.ids.nas["own"]!.rawValue,
            "pools": world.ids.pools["own"]!.rawValue, "gateways": world.ids.gateways["own"]!.rawValue,
            "packages": world.ids.packages["own"]!.rawValue, "prices": world.ids.prices["own"]!.rawValue,
            "invoices": world.ids.invoices["own"]!.rawValue, "plans": world.ids.plans["T1"]!.rawValue,
            "tenancies": world.ids.tenancies["T1"]!.rawValue, "isps": world.ids.isps["A"]!.rawValue,
            "users": world.ids.accounts["sub"]!.rawValue, "wallets": world.ids.accounts["sub"]!.rawValue,
            "permissions": world.ids.accounts["mgr"]!.rawValue,
        ]
        let bodies = try await Application(router: router).test(.router) { client -> [String] in
            let api = APIClient(client: client)
            var bodies: [String] = []
            let admin = try await world.token("admin", client: client)
            // Creations that carry secrets in the request.
            bodies.append(
                try await api.call(
                    .post, "/api/v1/nas", token: admin,
                    json: [
                        "isp_id": world.ids.isps["A"]!.rawValue, "name": "n", "address": "198.51.100.7",
                        "secret": TestWorld.nasSecret, "routeros": ["host": "198.51.100.7", "username": "api"],
                        "routeros_password": TestWorld.routerOSPassword,
                    ]
                ).text)
            bodies.append(
                try await api.call(
                    .post, "/api/v1/gateways", token: admin,
                    json: [
                        "kind": "payment", "owner_level": "isp", "owner_id": world.ids.isps["A"]!.rawValue,
                        "provider": "p",
                        "name": "g", "secrets": ["webhook_secret": TestWorld.gatewaySecret],
                    ]
                ).text)
            bodies.append(
                try await api.call(
                    .post, "/api/v1/customers", token: admin,
                    json: [
                        "isp_id": world.ids.isps["A"]!.rawValue, "username": "leaky",
                        "password": TestWorld.customerPassword,
                        "package_id": world.ids.packages["own"]!.rawValue,
                    ]
                ).text)
            bodies.append(
                try await api.call(
                    .post, "/api/v1/auth/login",
                    json: ["email": "admin@test.example", "password": TestWorld.password]
                ).text)
            bodies.append(
                try await api.call(
                    .post, "/api/v1/auth/login",
                    json: ["email": "admin@test.example", "password": TestWorld.nasSecret]
                ).text)
            for name in ["dev", "sa", "admin", "op", "sub", "acc", "cust"] {
                let token = try await world.token(name, client: client)
                for signature in routes where signature.hasPrefix("GET ") {
                    var path = String(signature.dropFirst(4))
                    let resource = path.split(separator: "/").dropFirst(2).first.map(String.init) ?? ""
                    if path.contains("{id}") {
                        path = path.replacingOccurrences(of: "{id}", with: String(idFor[resource] ?? 1))
                    }
                    if path == "/api/v1/prices" { path += "?isp_id=\(world.ids.isps["A"]!.rawValue)" }
                    let response = try await api.call(.get, path, token: token)
                    #expect(response.status < 500, "\(signature) as \(name)")
                    bodies.append(response.text)
                }
            }
            return bodies
        }
        #expect(bodies.count > 200)
        #expect(bodies.contains { $0.contains("\"has_routeros_password\":true") })
        #expect(bodies.contains { $0.contains("webhook_secret") })  // the name is shown, never the value
        for secret in Self.secrets {
            #expect(!bodies.contains { $0.contains(secret) }, "a response contains a secret")
            #expect(!logs.all.contains { $0.contains(secret) }, "a log line contains a secret")
        }
    }
}

/// Log lines captured for inspection.
final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let logs: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        logs.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)")
    }
}
