import Dispatch
import HTTPTypes
import Hummingbird
import Logging
import Metrics

/// Counts requests by route template, method and status, and times them
/// (`uplink_http_requests_total`, `uplink_http_request_duration_seconds`). Labels use the route
/// template (`/api/v1/customers/{id}`), never the concrete path, so cardinality stays bounded.
struct HTTPMetricsMiddleware: RouterMiddleware {
    typealias Context = AdminRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let start = DispatchTime.now().uptimeNanoseconds
        let status: Int
        let response: Response
        do {
            response = try await next(request, context)
            status = Int(response.status.code)
        } catch let error as any HTTPResponseError {
            record(context, request, Int(error.status.code), start)
            throw error
        } catch {
            record(context, request, 500, start)
            throw error
        }
        record(context, request, status, start)
        return response
    }

    private func record(_ context: Context, _ request: Request, _ status: Int, _ start: UInt64) {
        let route = context.endpointPath ?? "unmatched"
        let dimensions = [("route", route), ("method", request.method.rawValue), ("status", String(status))]
        Counter(label: "uplink_http_requests_total", dimensions: dimensions).increment()
        Timer(
            label: "uplink_http_request_duration_seconds", dimensions: [("route", route)],
            preferredDisplayUnit: .seconds
        ).recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
    }
}

/// Turns whatever reaches the top of the router (unknown path, wrong method, an unexpected
/// error) into a problem document; routes themselves already answer with problems.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AdminRequestContext
    let logger: Logger
    /// Route templates and their methods, to tell "no such path" (404) from "no such method
    /// on this path" (405 with `Allow`).
    let shapes: [(template: [Substring], methods: [String])]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as Problem {
            return error.result.response
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods(request.uri.path)
            guard allowed.isEmpty else {
                var problem = Problem(.methodNotAllowed, slug: "method-not-allowed", title: "Method not allowed")
                problem.headers[.allow] = allowed.joined(separator: ", ")
                return problem.result.response
            }
            return Problem(.notFound, slug: "not-found", title: "Not found").result.response
        } catch let error as HTTPError {
            let title = error.status == .notFound ? "Not found" : (error.status.reasonPhrase)
            return Problem(error.status, slug: error.status == .notFound ? "not-found" : "http", title: title).result
                .response
        } catch {
            logger.error("unhandled error", metadata: ["type": "\(String(describing: type(of: error)))"])
            return Problem.internalError.result.response
        }
    }

    private func allowedMethods(_ path: String) -> [String] {
        let parts = path.split(separator: "/")
        var methods: [String] = []
        for shape in shapes where shape.template.count == parts.count {
            let matches = zip(shape.template, parts).allSatisfy { template, part in
                template.hasPrefix("{") || template == part
            }
            if matches { methods += shape.methods }
        }
        return Array(Set(methods)).sorted()
    }
}
