import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Executes the authorization matrix written in docs/authorization.md: every role × every
/// authenticated endpoint × every target column, compared cell by cell with what the server
/// answers. Reading methods share one world; each writing cell gets a fresh world so cells never
/// influence each other. Set UPLINK_MATRIX_RECORD=1 to write the observed table to
/// docs/authorization.observed.md instead of failing (for reviewing a deliberate change).
@Suite("Authorization matrix (docs/authorization.md)")
struct AuthorizationMatrixTests {
    static let roles = [
        "Dev": "dev", "SA": "sa", "Adm": "admin", "Op": "op", "Sub": "sub", "Mgr": "mgr",
        "Acc": "acc", "Stf": "staff", "Cust": "cust",
    ]
    static let roleOrder = ["Dev", "SA", "Adm", "Op", "Sub", "Mgr", "Acc", "Stf", "Cust"]
    /// Routes outside the matrix: no token (tested in their own suites) or acting only on the
    /// caller's own token/password.
    static let excluded: Set<String> = [
        "GET /healthz", "GET /metrics", "GET /api/v1/openapi.json", "POST /api/v1/auth/login",
        "POST /api/v1/payments/webhook/{gateway}", "POST /api/v1/auth/logout", "POST /api/v1/me/password",
    ]
    static let targetless: Set<String> = [
        "POST /api/v1/tenancies", "GET /api/v1/permissions", "GET /api/v1/charges", "GET /api/v1/me",
        "GET /api/v1/me/customer", "GET /api/v1/me/sessions", "GET /api/v1/me/usage", "GET /api/v1/me/invoices",
    ]

    struct Row {
        var endpoint: String
        var target: String
        var expected: [String: String]
    }

    static var documentURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/authorization.md")
    }

    /// Parses the Markdown tables: `| endpoint | target | Dev | SA | … |`; an empty endpoint cell
    /// repeats the previous one.
    static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var header: [String] = []
        var current = ""
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "") }
            if cells.first == "Endpoint" { header = cells; continue }
            guard header.count == cells.count, !(cells.first ?? "").hasPrefix("---") else { continue }
            if !cells[0].isEmpty { current = cells[0] }
            var expected: [String: String] = [:]
            for (index, role) in header.enumerated().dropFirst(2) { expected[role] = cells[index] }
            rows.append(Row(endpoint: current, target: cells[1], expected: expected))
        }
        return rows
    }

    @Test("the table covers every authenticated route, and every cell matches the server")
    func matrix() async throws {
        let recording = ProcessInfo.processInfo.environment["UPLINK_MATRIX_RECORD"] != nil
        let world = try TestWorld()
        let allRoutes = Set(adminRouteSignatures(configuration: world.configuration, dependencies: world.dependencies))
        let wanted = allRoutes.subtracting(Self.excluded)
        let rows: [Row]
        if recording {
            rows = wanted.sorted(by: Self.order).flatMap { endpoint in
                (Self.targetless.contains(endpoint) ? ["any"] : MatrixScenario.targets).map {
                    Row(endpoint: endpoint, target: $0, expected: [:])
                }
            }
        } else {
            let text = try String(contentsOf: Self.documentURL, encoding: .utf8)
            rows = Self.parse(text)
            #expect(Set(rows.map(\.endpoint)) == wanted, "table endpoints differ from the registered routes")
        }
        let fixedRows = rows
        // Reading rows: one world, one token per role.
        var observed = try await world.application().test(.router) { client -> [Int: [String: String]] in
            var observed: [Int: [String: String]] = [:]
            var tokens: [String: String] = [:]
            for (role, name) in Self.roles { tokens[role] = try await world.token(name, client: client) }
            for (index, row) in fixedRows.enumerated() where row.endpoint.hasPrefix("GET ") {
                for role in Self.roleOrder {
                    observed[index, default: [:]][role] = try await Self.run(
                        row, role: role, token: tokens[role]!,
                        world: world, client: client)
                }
            }
            return observed
        }
        // Writing rows: a fresh world per cell.
        for (index, row) in rows.enumerated() where !row.endpoint.hasPrefix("GET ") {
            for role in Self.roleOrder {
                let fresh = try TestWorld()
                observed[index, default: [:]][role] = try await fresh.application().test(.router) { client in
                    let token = try await fresh.token(Self.roles[role]!, client: client)
                    return try await Self.run(row, role: role, token: token, world: fresh, client: client)
                }
            }
        }
        if recording {
            try Self.render(rows, observed).write(
                to: Self.documentURL.deletingLastPathComponent()
                    .appendingPathComponent("authorization.observed.md"), atomically: true, encoding: .utf8)
            return
        }
        for (index, row) in rows.enumerated() {
            for role in Self.roleOrder {
                #expect(
                    observed[index]?[role] == row.expected[role],
                    "\(row.endpoint) [\(row.target)] as \(role): table says \(row.expected[role] ?? "?"), server \(observed[index]?[role] ?? "?")"
                )
            }
        }
    }

    static func run(
        _ row: Row, role: String, token: String, world: TestWorld, client: any TestClientProtocol
    ) async throws
        -> String
    {
        guard let request = MatrixScenario.request(row.endpoint, row.target, world) else { return "no-scenario" }
        var headers: HTTPFields = [:]
        if request.idempotent { headers[HTTPField.Name("Idempotency-Key")!] = "matrix-\(role)-\(row.target)" }
        let response = try await APIClient(client: client).call(
            request.method, request.path, token: token,
            json: request.body, headers: headers)
        if let listed = request.listedID, response.status == 200 {
            let ids = response.items.compactMap { ($0["id"] as? NSNumber)?.int64Value }
            return ids.contains(listed) ? "200+" : "200-"
        }
        return String(response.status)
    }

    /// The resource an endpoint belongs to (`customers`, `nas`, `me`…), for grouping.
    static func resource(_ endpoint: String) -> String {
        endpoint.split(separator: " ").last?.split(separator: "/").dropFirst(2).first.map(String.init) ?? "other"
    }

    /// Table order: by resource, then path, then GET, POST, PUT, PATCH, DELETE.
    static func order(_ a: String, _ b: String) -> Bool {
        let methods = ["GET": 0, "POST": 1, "PUT": 2, "PATCH": 3, "DELETE": 4]
        func key(_ s: String) -> (String, String, Int) {
            let parts = s.split(separator: " ")
            return (resource(s), String(parts.last ?? ""), methods[String(parts.first ?? "")] ?? 9)
        }
        return key(a) < key(b)
    }

    static func render(_ rows: [Row], _ observed: [Int: [String: String]]) -> String {
        var out = ""
        var group = ""
        var last = ""
        for (index, row) in rows.enumerated() {
            let resource = Self.resource(row.endpoint)
            if resource != group {
                group = resource
                out += "\n### \(resource)\n\n| Endpoint | Target | " + roleOrder.joined(separator: " | ") + " |\n"
                out += "|---|---|" + roleOrder.map { _ in "---" }.joined(separator: "|") + "|\n"
                last = ""
            }
            let name = row.endpoint == last ? "" : "`\(row.endpoint)`"
            last = row.endpoint
            out +=
                "| \(name) | \(row.target) | " + roleOrder.map { observed[index]?[$0] ?? "?" }.joined(separator: " | ")
                + " |\n"
        }
        return out
    }
}
