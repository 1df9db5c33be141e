import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import Synchronization

/// The whole API as one list: the router registers exactly these routes and the OpenAPI document
/// is generated from exactly these routes.
///
/// To add a group (e.g. `ReportRoutes` for `GET /api/v1/reports/{name}`, issue 7), write an enum
/// with `static func routes() -> [APIRoute]` under `Routes/` and append it in `apiRoutes`.
enum RouteTable {
    static func apiRoutes(limiter: LoginRateLimiter, authenticator: TokenAuthenticator) -> [APIRoute] {
        AuthRoutes.routes(limiter: limiter, authenticator: authenticator)
            + SelfServiceRoutes.routes()
            + HierarchyRoutes.routes()
            + NetworkRoutes.routes()
            + CustomerRoutes.routes()
            + MoneyRoutes.routes()
            + ChargeRoutes.routes()
            + ActivityRoutes.routes()
            + ReportRoutes.routes()
            + EnforcementRoutes.routes()
    }

    /// The API routes plus health, metrics and the document itself (built once, lazily).
    static func all(limiter: LoginRateLimiter, authenticator: TokenAuthenticator) -> [APIRoute] {
        let api = apiRoutes(limiter: limiter, authenticator: authenticator)
        let document = DocumentCache()
        let operations = OperationsRoutes.routes { document.bytes }
        let routes = api + operations
        document.fill(OpenAPIDocument.build(routes))
        return routes
    }
}

/// Holds the encoded document once the route list that contains its own route is complete.
final class DocumentCache: Sendable {
    private let stored = Mutex<[UInt8]>([])

    var bytes: [UInt8] { stored.withLock { $0 } }

    func fill(_ node: JSONNode) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let bytes = (try? encoder.encode(node)).map { [UInt8]($0) } ?? []
        stored.withLock { $0 = bytes }
    }
}
