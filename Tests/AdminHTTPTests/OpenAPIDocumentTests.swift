import AdminHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The OpenAPI document matches the registered routes and its examples")
struct OpenAPIDocumentTests {
    @Test("every registered route is in the document and every documented operation is registered")
    func routesMatchDocument() async throws {
        let world = try TestWorld()
        let registered = Set(adminRouteSignatures(configuration: world.configuration, dependencies: world.dependencies))
        try await world.application().test(.router) { client in
            let response = try await APIClient(client: client).call(.get, "/api/v1/openapi.json")
            #expect(response.status == 200)
            #expect(response.json["openapi"] as? String == "3.1.0")
            let paths = try #require(response.json["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys { documented.insert(method.uppercased() + " " + path) }
            }
            #expect(documented == registered)
            #expect(registered.count > 50)
            // Each documented route answers something other than the router's "no such route".
            for signature in registered.sorted() {
                let parts = signature.split(separator: " ")
                let method = HTTPRequest.Method(String(parts[0]))!
                let path = String(parts[1]).replacingOccurrences(of: "{id}", with: "999999")
                    .replacingOccurrences(of: "{gateway}", with: "999999")
                let answer = try await APIClient(client: client).call(method, path)
                #expect(answer.json["type"] as? String != "urn:uplink:problem:http", "\(signature) is not routed")
            }
        }
    }

    @Test("every component example validates against its schema; every $ref resolves")
    func examplesValidate() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let document = try await APIClient(client: client).call(.get, "/api/v1/openapi.json").json
            let validator = SchemaValidator(document: document)
            for (name, bytes) in openAPIModelExamples().sorted(by: { $0.key < $1.key }) {
                let example = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
                let errors = validator.validate(example, against: ["$ref": "#/components/schemas/" + name])
                #expect(errors.isEmpty, "\(name): \(errors)")
            }
            #expect(validator.unresolvedReferences().isEmpty)
        }
    }
}
