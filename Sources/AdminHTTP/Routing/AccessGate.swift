import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// The one authorization layer of the API. For every request it: authenticates the bearer token;
/// evaluates the route's `AccessRule` through the engine's central `AccessPolicy` (outside the
/// caller's scope → 404 so existence never leaks, inside but not permitted → 403); enforces
/// `Idempotency-Key` on money-moving routes and replays first results; runs the handler; and
/// turns every error into a problem document.
struct AccessGate: Sendable {
    let dependencies: AdminDependencies
    let configuration: AdminHTTPConfiguration
    let authenticator: TokenAuthenticator

    static let idempotencyKeyHeader = HTTPField.Name("Idempotency-Key")!

    func handle(_ route: APIRoute, _ request: Request, _ context: AdminRequestContext) async -> Response {
        var context = context
        context.routeTemplate = route.path
        var request = request
        do {
            let caller: Caller?
            switch route.access {
            case .open: caller = nil
            default: caller = try authenticator.authenticate(request)
            }
            let buffer = try await collect(&request)
            let input = RouteInput(
                request: request, context: context, caller: caller, body: buffer,
                dependencies: dependencies, configuration: configuration)
            // A malformed request is refused before anything about the target is evaluated.
            let key = route.requiresIdempotencyKey ? try Self.idempotencyKey(input) : nil
            if let caller { try authorize(route, input, caller) }
            if let key {
                return try await idempotent(route, input, key: key).response
            }
            return try await route.handler(input).response
        } catch {
            return problem(for: error, route: route, context: context).result.response
        }
    }

    private func collect(_ request: inout Request) async throws -> [UInt8] {
        guard request.method == .post || request.method == .put || request.method == .patch else { return [] }
        do {
            let buffer = try await request.collectBody(upTo: configuration.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch {
            throw Problem(
                .contentTooLarge, slug: "body-too-large", title: "Request body too large",
                detail: "at most \(configuration.maxBodyBytes) bytes")
        }
    }

    // MARK: Authorization

    private func authorize(_ route: APIRoute, _ input: RouteInput, _ caller: Caller) throws {
        guard case .signedIn(let requirements) = route.access else { return }
        let engine = dependencies.engine
        for requirement in requirements {
            switch requirement {
            case .roles(let roles):
                guard roles.contains(caller.account.role) else { throw Problem.forbidden }
            case .holds(let permission):
                guard engine.holdsAnywhere(caller.id, permission) else { throw Problem.forbidden }
            case .visible(let source, let kind):
                guard let id = try targetID(source, input) else { continue }
                guard let resource = try resource(kind, id), engine.isInScope(caller.id, resource) else {
                    throw Problem.notFound
                }
            case .permitted(let source, let kind, let permission):
                guard let id = try targetID(source, input) else { continue }
                try check(engine, caller, permission, try resource(kind, id))
            case .manages(let source):
                guard let id = try targetID(source, input) else { continue }
                guard engine.isInScope(caller.id, .account(AccountID(id))) else { throw Problem.notFound }
                guard id == caller.id.rawValue || engine.canManage(caller.id, AccountID(id)) else {
                    throw Problem.forbidden
                }
            case .gatewayOwner(let permission):
                let level = try bodyMember("owner_level", input.body)
                let resource: Resource?
                switch level {
                case .string("developer"): resource = .global
                case .string("tenancy"): resource = .tenancy(TenancyID(try bodyID("owner_id", input.body)))
                case .string("isp"): resource = .isp(ISPID(try bodyID("owner_id", input.body)))
                default: throw Problem.validation("owner_level", "must be developer, tenancy or isp")
                }
                if case .global = resource {
                    guard caller.account.role == .developer else { throw Problem.forbidden }
                    continue
                }
                try check(engine, caller, permission, resource)
            }
        }
    }

    private func targetID(_ source: TargetSource, _ input: RouteInput) throws -> Int64? {
        switch source {
        case .path(let name):
            return try input.pathID(name)
        case .body(let field, let optional):
            if optional, case .null = try bodyMember(field, input.body) { return nil }
            return try bodyID(field, input.body)
        case .query(let name):
            return try input.queryInt(name, in: 1...Int64.max)
        }
    }

    private func check(
        _ engine: BillingEngine, _ caller: Caller, _ permission: Permission, _ resource: Resource?
    ) throws {
        guard let resource else { throw Problem.notFound }
        switch engine.verdict(for: caller.id, permission, on: resource) {
        case .allowed: return
        case .forbidden: throw Problem.forbidden
        case .notFound: throw Problem.notFound
        }
    }

    /// Places an id of `kind` as an engine `Resource`; nil when it does not exist.
    private func resource(_ kind: TargetKind, _ id: Int64) throws -> Resource? {
        let engine = dependencies.engine
        switch kind {
        case .tenancy: return .tenancy(TenancyID(id))
        case .isp: return .isp(ISPID(id))
        case .account: return .account(AccountID(id))
        case .subscriber: return .subscriber(SubscriberID(id))
        case .nas: return .nas(NASID(id))
        case .package: return .package(PackageID(id))
        case .gateway: return .gateway(GatewayID(id))
        case .pool: return engine.ipPool(IPPoolID(id)).map { .isp($0.ispID) }
        case .price:
            return engine.priceEntry(PriceEntryID(id)).map { entry in
                switch entry.buyer {
                case .seller(let account), .customersOf(let account): .account(account)
                }
            }
        case .invoice: return engine.invoice(InvoiceID(id)).map { .account($0.payerID) }
        case .plan: return engine.plan(PlanID(id)).map { plan in plan.tenancyID.map { .tenancy($0) } ?? .global }
        }
    }

    /// A member of the JSON body object (`.null` when absent).
    private func bodyMember(_ field: String, _ body: [UInt8]) throws -> JSONValue {
        guard case .object(let members) = try JSONValue.parse(body) else {
            throw Problem.validation("body", "must be a JSON object")
        }
        return members[field] ?? .null
    }

    /// Reads a positive integer member of the JSON body object (the full body is decoded and
    /// validated later by the handler).
    private func bodyID(_ field: String, _ body: [UInt8]) throws -> Int64 {
        guard case .object(let members) = try JSONValue.parse(body) else {
            throw Problem.validation("body", "must be a JSON object")
        }
        guard let raw = members[field] else { throw Problem.validation(field, "is required") }
        guard case .integer(let value) = raw, value > 0 else {
            throw Problem.validation(field, "must be a positive integer")
        }
        return value
    }

    // MARK: Idempotency

    static func idempotencyKey(_ input: RouteInput) throws -> String {
        guard let key = input.request.headers[idempotencyKeyHeader], !key.isEmpty, key.count <= 200,
            key.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F })
        else { throw Problem.missingIdempotencyKey }
        return key
    }

    private func idempotent(_ route: APIRoute, _ input: RouteInput, key: String) async throws -> APIResult {
        let scope =
            (input.caller.map { "account:\($0.id.rawValue)" } ?? "open") + " " + route.method.rawValue + " "
            + input.request.uri.path
        let requestHash = Digest.sha256Hex(input.body)
        let store = dependencies.idempotency
        if let stored = try store.response(scope: scope, key: key) {
            guard stored.requestHash == requestHash else { throw Problem.idempotencyKeyReused }
            return replay(stored)
        }
        let result: APIResult
        do { result = try await route.handler(input) } catch {
            result = problem(for: error, route: route, context: input.context).result
        }
        // Server errors are not remembered: a retry may succeed.
        guard result.status.code < 500 else { return result }
        let kept = try store.save(
            StoredResponse(
                scope: scope, key: key, requestHash: requestHash, status: Int(result.status.code), body: result.body,
                createdAt: dependencies.clock.now()))
        return kept.body == result.body && kept.status == Int(result.status.code) ? result : replay(kept)
    }

    private func replay(_ stored: StoredResponse) -> APIResult {
        let isProblem = stored.status >= 400
        var result = APIResult(
            status: HTTPResponse.Status(code: stored.status), body: stored.body,
            contentType: isProblem ? "application/problem+json" : "application/json")
        result.headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
        if stored.status == 204 { result.headers[.contentType] = nil }
        return result
    }

    // MARK: Errors

    private func problem(for error: any Error, route: APIRoute, context: AdminRequestContext) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as BillingError:
            let problem = Problem(error)
            if problem.status == .internalServerError {
                dependencies.logger.error(
                    "engine failure", metadata: ["route": "\(route.path)", "code": "\(error.code)"])
            }
            return problem
        default:
            dependencies.logger.error(
                "unexpected error",
                metadata: [
                    "route": "\(route.path)", "error": "\(String(describing: type(of: error)))",
                ])
            return Problem.internalError
        }
    }
}
