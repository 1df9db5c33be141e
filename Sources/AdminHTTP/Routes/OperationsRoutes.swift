import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Adjusts a route after construction.
func with(_ route: APIRoute, _ change: (inout APIRoute) -> Void) -> APIRoute {
    var route = route
    change(&route)
    return route
}

/// Probes and documents: `/healthz`, `/metrics`, `/api/v1/openapi.json`.
enum OperationsRoutes {
    static func routes(document: @escaping @Sendable () -> [UInt8]) -> [APIRoute] {
        [
            with(
                APIRoute(
                    .get, "/healthz", operationID: "health", summary: "Database reachable and RADIUS listening",
                    tag: "operations", access: .open, response: HealthDTO.ref
                ) { input in
                    let report = await input.dependencies.health()
                    let body = HealthDTO(status: report.isHealthy ? "ok" : "failing", checks: report.checks)
                    return APIResult(status: report.isHealthy ? .ok : .serviceUnavailable, json: body)
                }
            ) { $0.alsoReturns[503] = HealthDTO.ref },
            APIRoute(
                .get, "/metrics", operationID: "metrics", summary: "Prometheus text exposition", tag: "operations",
                access: .open, response: .string(), contentType: "text/plain; version=0.0.4"
            ) { input in
                APIResult(
                    status: .ok, body: Array(input.dependencies.renderMetrics().utf8),
                    contentType: "text/plain; version=0.0.4; charset=utf-8")
            },
            APIRoute(
                .get, "/api/v1/openapi.json", operationID: "openapi", summary: "This document (OpenAPI 3.1)",
                tag: "operations", access: .open, response: JSONSchema(.object([("type", .string("object"))]))
            ) { _ in
                APIResult(status: .ok, body: document(), contentType: "application/json")
            },
        ]
    }
}
