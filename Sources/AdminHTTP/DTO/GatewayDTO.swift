import BillingCore
import Foundation
import HTTPTypes

/// A payment or SMS gateway: the names of its credentials, never their values.
public struct GatewayDTO: APIModel {
    public var id: Int64
    public var kind: String
    public var ownerLevel: String
    public var ownerId: Int64?
    public var provider: String
    public var name: String
    public var settings: [String: String]
    public var secretNames: [String]
    public var pricePerMessage: Int64?
    public var enabled: Bool

    public static let schemaName = "Gateway"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("kind", .enumeration(["payment", "sms"])),
            ("owner_level", .enumeration(["developer", "tenancy", "isp"])), ("owner_id", JSONSchema.id.nullable),
            ("provider", .string()), ("name", .string()), ("settings", .map(.string())),
            ("secret_names", .array(.string())),
            ("price_per_message", JSONSchema.money.nullable), ("enabled", .boolean),
        ], required: ["id", "kind", "owner_level", "provider", "name", "settings", "secret_names", "enabled"])
    public static let example = GatewayDTO(
        id: 14, kind: "payment", ownerLevel: "isp", ownerId: 5, provider: "bkash", name: "bKash merchant",
        settings: ["merchant": "01700000000"], secretNames: ["webhook_secret"], pricePerMessage: nil, enabled: true)
}

extension GatewayDTO {
    init(_ view: GatewayView) {
        id = view.id.rawValue
        kind = view.kind.rawValue
        switch view.owner {
        case .developer: ownerLevel = "developer"; ownerId = nil
        case .tenancy(let id): ownerLevel = "tenancy"; ownerId = id.rawValue
        case .isp(let id): ownerLevel = "isp"; ownerId = id.rawValue
        }
        provider = view.provider
        name = view.name
        settings = view.settings
        secretNames = view.secretNames
        pricePerMessage = view.pricePerMessage
        enabled = view.isEnabled
    }
}

/// `POST /gateways`. `secrets` is write-only; a payment gateway needs `webhook_secret` to accept
/// webhooks (HMAC-SHA256 key).
struct GatewayCreate: APIModel, Validatable {
    var kind: String
    var ownerLevel: String
    var ownerId: Int64?
    var provider: String
    var name: String
    var settings: [String: String]?
    var secrets: [String: String]?
    var pricePerMessage: Int64?

    func validate(into problems: inout [FieldProblem]) {
        if GatewayKind(rawValue: kind) == nil { problems.append(FieldProblem("kind", "must be payment or sms")) }
        switch ownerLevel {
        case "developer":
            if ownerId != nil { problems.append(FieldProblem("owner_id", "must be absent for developer")) }
        case "tenancy", "isp": if (ownerId ?? 0) <= 0 { problems.append(FieldProblem("owner_id", "is required")) }
        default: problems.append(FieldProblem("owner_level", "must be developer, tenancy or isp"))
        }
        Check.text(provider, "provider", 1...100, into: &problems)
        Check.text(name, "name", into: &problems)
        Self.checkMaps(["settings": settings ?? [:], "secrets": secrets ?? [:]], into: &problems)
        if let pricePerMessage { Check.money(pricePerMessage, "price_per_message", allowZero: true, into: &problems) }
    }

    /// At most 50 entries, keys 1…100 characters, values at most 4096 bytes.
    static func checkMaps(_ maps: [String: [String: String]], into problems: inout [FieldProblem]) {
        for (field, map) in maps.sorted(by: { $0.key < $1.key }) {
            if map.count > 50 { problems.append(FieldProblem(field, "at most 50 entries")) }
            for (key, value) in map where key.isEmpty || key.count > 100 || value.utf8.count > 4096 {
                problems.append(FieldProblem(field, "keys 1…100 characters, values at most 4096 bytes"))
                break
            }
        }
    }

    var owner: GatewayOwner? {
        switch ownerLevel {
        case "developer": .developer
        case "tenancy": ownerId.map { .tenancy(TenancyID($0)) }
        case "isp": ownerId.map { .isp(ISPID($0)) }
        default: nil
        }
    }

    static let schemaName = "GatewayCreate"
    static let schema = JSONSchema.object(
        [
            ("kind", .enumeration(["payment", "sms"])), ("owner_level", .enumeration(["developer", "tenancy", "isp"])),
            ("owner_id", .id), ("provider", .text(1...100)), ("name", .text(1...200)),
            ("settings", .map(.string(maxLength: 4096))), ("secrets", .map(.string(maxLength: 4096))),
            ("price_per_message", .integer(minimum: 0, maximum: 999_999_999_999_999)),
        ], required: ["kind", "owner_level", "provider", "name"])
    static let example = GatewayCreate(
        kind: "payment", ownerLevel: "isp", ownerId: 5, provider: "bkash",
        name: "bKash", settings: nil, secrets: ["webhook_secret": "whsec-example"],
        pricePerMessage: nil)
}

/// `PATCH /gateways/{id}`: absent members stay. `settings` replaces the settings; `secrets` sets
/// the named credentials and `remove_secrets` drops them (credentials are never returned);
/// `price_per_message: null` clears the SMS price.
struct GatewayPatch: APIModel, Validatable {
    var provider: String?
    var name: String?
    var settings: [String: String]?
    var secrets: [String: String]?
    var removeSecrets: [String]?
    var pricePerMessage: Int64?
    var enabled: Bool?

    func validate(into problems: inout [FieldProblem]) {
        Check.optionalText(provider, "provider", 1...100, into: &problems)
        Check.optionalText(name, "name", into: &problems)
        GatewayCreate.checkMaps(["settings": settings ?? [:], "secrets": secrets ?? [:]], into: &problems)
        if let removeSecrets, removeSecrets.count > 50 || removeSecrets.contains(where: { $0.isEmpty || $0.count > 100 }) {
            problems.append(FieldProblem("remove_secrets", "at most 50 names of 1…100 characters"))
        }
        if let pricePerMessage { Check.money(pricePerMessage, "price_per_message", allowZero: true, into: &problems) }
    }

    static let schemaName = "GatewayPatch"
    static let schema = JSONSchema.object([
        ("provider", .text(1...100)), ("name", .text(1...200)), ("settings", .map(.string(maxLength: 4096))),
        ("secrets", .map(.string(maxLength: 4096))), ("remove_secrets", .array(.text(1...100), maxItems: 50)),
        ("price_per_message", JSONSchema.integer(minimum: 0, maximum: 999_999_999_999_999).nullable),
        ("enabled", .boolean),
    ])
    static let example = GatewayPatch(
        provider: nil, name: "bKash (new merchant)", settings: nil, secrets: ["webhook_secret": "whsec-rotated"],
        removeSecrets: nil, pricePerMessage: nil, enabled: true)
}
