import BillingCore
import Foundation
import HTTPTypes

/// A NAS / router. The RADIUS secret and the RouterOS API password are write-only: this model
/// has no property for them, only `has_routeros_password`.
public struct NASDTO: APIModel {
    public var id: Int64
    public var ispId: Int64
    public var name: String
    public var address: String
    public var nasIdentifier: String?
    public var coaPort: Int
    public var routeros: RouterOSDTO?
    public var hasRouterosPassword: Bool
    public var secretMirror: String
    public var counterDirection: String
    public var requireMessageAuthenticator: Bool

    public static let schemaName = "NAS"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("isp_id", .id), ("name", .string()), ("address", .string()),
            ("nas_identifier", JSONSchema.string().nullable), ("coa_port", .integer(minimum: 1, maximum: 65535)),
            ("routeros", RouterOSDTO.schema.nullable), ("has_routeros_password", .boolean),
            ("secret_mirror", .enumeration(["off", "mirror"])),
            ("counter_direction", .enumeration(["standard", "swapped"])), ("require_message_authenticator", .boolean),
        ],
        required: [
            "id", "isp_id", "name", "address", "coa_port", "has_routeros_password", "secret_mirror",
            "counter_direction", "require_message_authenticator",
        ])
    public static let example = NASDTO(
        id: 11, ispId: 5, name: "core-router-1", address: "192.0.2.1", nasIdentifier: "core-1", coaPort: 3799,
        routeros: RouterOSDTO(host: "192.0.2.1", port: 8728, username: "uplink", useTls: false),
        hasRouterosPassword: true, secretMirror: "off", counterDirection: "standard", requireMessageAuthenticator: true)
}

extension NASDTO {
    init(_ view: NASView) {
        id = view.id.rawValue
        ispId = view.ispID.rawValue
        name = view.name
        address = view.address
        nasIdentifier = view.nasIdentifier
        coaPort = view.coaPort
        routeros = view.routerOS.map {
            RouterOSDTO(
                host: $0.host, port: $0.port, username: $0.username, useTls: $0.useTLS, tlsPinSha256: $0.tlsPinSHA256)
        }
        hasRouterosPassword = view.hasRouterOSPassword
        secretMirror = view.secretMirror.rawValue
        counterDirection = view.counterDirection.rawValue
        requireMessageAuthenticator = view.requireMessageAuthenticator
    }
}

/// Where Uplink reaches the router's RouterOS API.
public struct RouterOSDTO: Codable, Sendable {
    public var host: String
    public var port: Int?
    public var username: String
    public var useTls: Bool?
    /// SHA-256 fingerprint of the router's API-SSL certificate to pin (needs `use_tls`); not a secret.
    public var tlsPinSha256: String?

    public init(host: String, port: Int?, username: String, useTls: Bool?, tlsPinSha256: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.useTls = useTls
        self.tlsPinSha256 = tlsPinSha256
    }

    static let schema = JSONSchema.object(
        [
            ("host", .text(1...253)), ("port", JSONSchema.integer(minimum: 1, maximum: 65535)),
            ("username", .text(1...100)), ("use_tls", .boolean),
            (
                "tls_pin_sha256",
                .string(
                    pattern: "^([0-9A-Fa-f]{64}|([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2})$",
                    description: "SHA-256 fingerprint of the router's DER certificate (needs use_tls); "
                        + "only that certificate is accepted, self-signed or not")
            ),
        ], required: ["host", "username"])
}

/// `POST /nas` and `PUT /nas/{id}`: the secrets go in, never out.
struct NASInput: APIModel, Validatable {
    var ispId: Int64?
    var name: String
    var address: String
    var secret: String
    var nasIdentifier: String?
    var coaPort: Int?
    var routeros: RouterOSDTO?
    var routerosPassword: String?
    /// `off` (default) or `mirror`: keep disabled `/ppp/secret` copies of the subscribers on the router.
    var secretMirror: String?
    var counterDirection: String?
    var requireMessageAuthenticator: Bool?

    func validate(into problems: inout [FieldProblem]) {
        if let ispId { Check.positive(ispId, "isp_id", into: &problems) }
        Check.text(name, "name", into: &problems)
        Check.ipOrCIDR(address, "address", into: &problems)
        if secret.isEmpty || secret.utf8.count > 128 { problems.append(FieldProblem("secret", "must be 1…128 bytes")) }
        Check.optionalText(nasIdentifier, "nas_identifier", 1...253, into: &problems)
        Check.range(coaPort, "coa_port", 1...65535, into: &problems)
        if let routeros {
            Check.text(routeros.host, "routeros.host", 1...253, into: &problems)
            Check.range(routeros.port, "routeros.port", 1...65535, into: &problems)
            Check.text(routeros.username, "routeros.username", 1...100, into: &problems)
            if let pin = routeros.tlsPinSha256 {
                if RouterOSEndpoint.normalizedPin(pin) == nil {
                    problems.append(FieldProblem("routeros.tls_pin_sha256", "must be 64 hex digits (SHA-256), colons allowed"))
                } else if routeros.useTls != true {
                    problems.append(FieldProblem("routeros.tls_pin_sha256", "needs use_tls: true"))
                }
            }
        }
        if let routerosPassword, routerosPassword.utf8.count > 128 {
            problems.append(FieldProblem("routeros_password", "must be at most 128 bytes"))
        }
        if let secretMirror, SecretMirrorMode(rawValue: secretMirror) == nil {
            problems.append(FieldProblem("secret_mirror", "must be off or mirror"))
        }
        if let counterDirection, CounterDirection(rawValue: counterDirection) == nil {
            problems.append(FieldProblem("counter_direction", "unknown counter direction"))
        }
    }

    var spec: NASSpec {
        NASSpec(
            name: name, address: address, secret: secret, nasIdentifier: nasIdentifier, coaPort: coaPort ?? 3799,
            routerOS: routeros.map {
                RouterOSEndpoint(
                    host: $0.host, port: $0.port, username: $0.username,
                    useTLS: $0.useTls ?? false, tlsPinSHA256: $0.tlsPinSha256)
            },
            routerOSPassword: routerosPassword,
            secretMirror: secretMirror.flatMap(SecretMirrorMode.init) ?? .off,
            counterDirection: counterDirection.flatMap(CounterDirection.init) ?? .standard,
            requireMessageAuthenticator: requireMessageAuthenticator ?? true)
    }

    static let schemaName = "NASInput"
    static let schema = JSONSchema.object(
        [
            ("isp_id", .id), ("name", .text(1...200)),
            (
                "address",
                .string(
                    minLength: 2, maxLength: 50, pattern: "^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$",
                    description: "IP address or CIDR the requests come from")
            ),
            ("secret", .string(minLength: 1, maxLength: 128, description: "RADIUS shared secret (write-only)")),
            ("nas_identifier", .text(1...253)), ("coa_port", .integer(minimum: 1, maximum: 65535)),
            ("routeros", RouterOSDTO.schema), ("routeros_password", .string(maxLength: 128, description: "write-only")),
            ("secret_mirror", .enumeration(["off", "mirror"])),
            ("counter_direction", .enumeration(["standard", "swapped"])), ("require_message_authenticator", .boolean),
        ], required: ["name", "address", "secret"])
    static let example = NASInput(
        ispId: 5, name: "core-router-2", address: "198.51.100.0/24", secret: "example-secret", nasIdentifier: nil,
        coaPort: nil, routeros: nil, routerosPassword: nil, secretMirror: nil, counterDirection: nil,
        requireMessageAuthenticator: nil)
}
