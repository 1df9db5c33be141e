import HTTPTypes

/// Builds the OpenAPI 3.1 document from the route table that also registers the routes, so the
/// document always describes exactly what the server answers.
enum OpenAPIDocument {
    /// Problem statuses any route may answer (documented on every operation).
    static let problemStatuses = [400, 401, 402, 403, 404, 409, 413, 422, 429]

    static func build(_ routes: [APIRoute]) -> JSONNode {
        var paths: [(String, JSONNode)] = []
        for route in routes {
            let operation = (route.method.rawValue.lowercased(), self.operation(route))
            if let index = paths.firstIndex(where: { $0.0 == route.path }), case .object(var members) = paths[index].1 {
                members.append(operation)
                paths[index].1 = .object(members)
            } else {
                paths.append((route.path, .object([operation])))
            }
        }
        let schemas = ModelCatalog.all.map { ($0.name, $0.schema.node) }
        return .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("Uplink admin API")),
                    ("version", .string("1")),
                    (
                        "description",
                        .string(
                            "Every part of the Uplink billing engine over JSON, scoped by role and tenancy. "
                                + "See docs/api.md: login, bearer tokens, problem+json errors, Idempotency-Key, webhook signing."
                        )
                    ),
                ])
            ),
            ("paths", .object(paths)),
            (
                "components",
                .object([
                    ("schemas", .object(schemas)),
                    (
                        "securitySchemes",
                        .object([
                            ("bearer", .object([("type", .string("http")), ("scheme", .string("bearer"))]))
                        ])
                    ),
                ])
            ),
        ])
    }

    static func operation(_ route: APIRoute) -> JSONNode {
        var members: [(String, JSONNode)] = [
            ("operationId", .string(route.operationID)),
            ("summary", .string(route.summary)),
            ("tags", .array([.string(route.tag)])),
        ]
        if case .open = route.access {
            members.append(("security", .array([])))
        } else {
            members.append(("security", .array([.object([("bearer", .array([]))])])))
        }
        var parameters: [JSONNode] = route.pathParameters.map { name in
            .object([
                ("name", .string(name)), ("in", .string("path")), ("required", .bool(true)),
                ("schema", JSONSchema.id.node),
            ])
        }
        parameters += route.query.map { query in
            .object([
                ("name", .string(query.name)), ("in", .string("query")), ("required", .bool(false)),
                ("description", .string(query.description)), ("schema", query.schema.node),
            ])
        }
        if route.requiresIdempotencyKey {
            parameters.append(
                .object([
                    ("name", .string("Idempotency-Key")), ("in", .string("header")), ("required", .bool(true)),
                    ("description", .string("unique per intended operation; a replay returns the first result")),
                    ("schema", JSONSchema.string(minLength: 1, maxLength: 200, pattern: "^[\\x20-\\x7E]+$").node),
                ]))
        }
        if route.operationID == "paymentWebhook" {
            parameters.append(
                .object([
                    ("name", .string("X-Uplink-Signature")), ("in", .string("header")), ("required", .bool(true)),
                    (
                        "description",
                        .string("sha256=<hex HMAC-SHA256 of the raw body, keyed with the gateway's webhook_secret>")
                    ),
                    ("schema", JSONSchema.string(maxLength: 200).node),
                ]))
        }
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let body = route.requestBody {
            members.append(
                (
                    "requestBody",
                    .object([
                        ("required", .bool(!route.bodyOptional)),
                        ("content", .object([("application/json", .object([("schema", body.node)]))])),
                    ])
                ))
        }
        var responses: [(String, JSONNode)] = [
            (
                String(route.successStatus),
                response(
                    route.responseBody,
                    route.successContentType, also: route.alsoContent)
            )
        ]
        for (status, schema) in route.alsoReturns.sorted(by: { $0.key < $1.key }) {
            responses.append((String(status), response(schema, "application/json")))
        }
        for status in problemStatuses {
            responses.append(
                (
                    String(status),
                    .object([
                        ("description", .string("problem")),
                        (
                            "content",
                            .object([("application/problem+json", .object([("schema", ProblemModel.ref.node)]))])
                        ),
                    ])
                ))
        }
        members.append(("responses", .object(responses)))
        return .object(members)
    }

    private static func response(
        _ schema: JSONSchema?, _ contentType: String, also: [String: JSONSchema] = [:]
    ) -> JSONNode {
        guard let schema else { return .object([("description", .string("no content"))]) }
        let type = contentType.split(separator: ";").first.map(String.init) ?? contentType
        let others = also.sorted { $0.key < $1.key }.map { ($0.key, JSONNode.object([("schema", $0.value.node)])) }
        return .object([
            ("description", .string("success")),
            ("content", .object([(type, .object([("schema", schema.node)]))] + others)),
        ])
    }
}
