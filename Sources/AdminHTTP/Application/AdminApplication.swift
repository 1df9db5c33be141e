import BillingCore
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// The admin API as a Hummingbird router: every route of `RouteTable` behind the `AccessGate`,
/// metrics per route template and status, and problem documents for unknown paths. Tests drive
/// it with `HummingbirdTesting`'s `.router` mode; `buildAdminApplication` serves it.
public func buildAdminRouter(
    configuration: AdminHTTPConfiguration, dependencies: AdminDependencies
) -> Router<AdminRequestContext> {
    let authenticator = TokenAuthenticator(
        tokens: dependencies.tokens, engine: dependencies.engine,
        clock: dependencies.clock, lifetime: configuration.tokenLifetime)
    let limiter = LoginRateLimiter(limit: configuration.maxLoginFailures, window: configuration.loginWindow)
    let gate = AccessGate(dependencies: dependencies, configuration: configuration, authenticator: authenticator)
    let routes = RouteTable.all(limiter: limiter, authenticator: authenticator)
    var shapes: [String: [String]] = [:]
    for route in routes { shapes[route.path, default: []].append(route.method.rawValue) }
    let router = Router(context: AdminRequestContext.self)
    router.add(middleware: HTTPMetricsMiddleware())
    router.add(
        middleware: ProblemMiddleware(
            logger: dependencies.logger,
            shapes: shapes.map { (template: $0.key.split(separator: "/"), methods: $0.value) }))
    for route in routes {
        router.on(RouterPath(route.path), method: route.method) { request, context in
            await gate.handle(route, request, context)
        }
    }
    return router
}

/// The routes the router serves, for tests that compare them with the OpenAPI document.
public func adminRouteSignatures(configuration: AdminHTTPConfiguration, dependencies: AdminDependencies) -> [String] {
    let authenticator = TokenAuthenticator(
        tokens: dependencies.tokens, engine: dependencies.engine,
        clock: dependencies.clock, lifetime: configuration.tokenLifetime)
    let limiter = LoginRateLimiter(limit: configuration.maxLoginFailures, window: configuration.loginWindow)
    return RouteTable.all(limiter: limiter, authenticator: authenticator).map { "\($0.method.rawValue) \($0.path)" }
}

/// The admin HTTP server (Hummingbird template pattern): `ServerRuntime` adds the returned
/// application to its `ServiceGroup` as one `Service`; `onServerRunning` reports the bound port
/// (useful with port 0).
public func buildAdminApplication(
    configuration: AdminHTTPConfiguration, dependencies: AdminDependencies,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildAdminRouter(configuration: configuration, dependencies: dependencies)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "uplink"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: dependencies.logger)
}
