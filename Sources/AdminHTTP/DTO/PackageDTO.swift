import BillingCore
import Foundation
import HTTPTypes

/// A bandwidth package of an ISP.
public struct PackageDTO: APIModel {
    public var id: Int64
    public var ispId: Int64
    public var name: String
    public var rateLimit: String
    public var validity: ValidityDTO
    public var quota: QuotaDTO?
    public var onExpiry: LimitActionDTO
    public var onQuota: LimitActionDTO
    public var poolName: String?
    public var pppProfile: String?
    public var addressList: String?
    public var simultaneousUse: Int
    public var sessionTimeout: Int?
    public var idleTimeout: Int?
    public var interimInterval: Int?
    public var archived: Bool
    public var createdAt: Date

    public static let schemaName = "Package"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("isp_id", .id), ("name", .string()), ("rate_limit", .string()),
            ("validity", ValidityDTO.schema),
            ("quota", QuotaDTO.schema.nullable), ("on_expiry", LimitActionDTO.schema),
            ("on_quota", LimitActionDTO.schema),
            ("pool_name", JSONSchema.string().nullable), ("ppp_profile", JSONSchema.string().nullable),
            ("address_list", JSONSchema.string().nullable), ("simultaneous_use", .integer(minimum: 1)),
            ("session_timeout", JSONSchema.integer(minimum: 1).nullable),
            ("idle_timeout", JSONSchema.integer(minimum: 1).nullable),
            ("interim_interval", JSONSchema.integer(minimum: 1).nullable), ("archived", .boolean),
            ("created_at", .dateTime),
        ],
        required: [
            "id", "isp_id", "name", "rate_limit", "validity", "on_expiry", "on_quota", "simultaneous_use",
            "archived", "created_at",
        ])
    public static var example: PackageDTO {
        PackageDTO(
            id: 9, ispId: 5, name: "Basic", rateLimit: "5M/10M", validity: ValidityDTO(.months(1)), quota: nil,
            onExpiry: LimitActionDTO(.reject(message: "Account expired")),
            onQuota: LimitActionDTO(.reject(message: "Data quota exceeded")), poolName: "pppoe-pool",
            pppProfile: "default", addressList: nil, simultaneousUse: 1, sessionTimeout: nil, idleTimeout: nil,
            interimInterval: 300, archived: false, createdAt: exampleDate)
    }
}

extension PackageDTO {
    init(_ package: ServicePackage) {
        id = package.id.rawValue
        ispId = package.ispID.rawValue
        name = package.name
        rateLimit = package.rateLimit.attributeValue
        validity = ValidityDTO(package.validity)
        quota = package.quota.map { QuotaDTO(bytes: $0.bytes, reset: $0.reset.rawValue) }
        onExpiry = LimitActionDTO(package.onExpiry)
        onQuota = LimitActionDTO(package.onQuota)
        poolName = package.poolName
        pppProfile = package.pppProfile
        addressList = package.addressList
        simultaneousUse = package.simultaneousUse
        sessionTimeout = package.sessionTimeout
        idleTimeout = package.idleTimeout
        interimInterval = package.interimInterval
        archived = package.isArchived
        createdAt = package.createdAt
    }
}

/// Validity of a sale: `{"unit": "days", "count": 30}` (months are calendar months).
public struct ValidityDTO: Codable, Sendable {
    public var unit: String
    public var count: Int

    init(_ validity: Validity) {
        switch validity {
        case .hours(let n): unit = "hours"; count = n
        case .days(let n): unit = "days"; count = n
        case .months(let n): unit = "months"; count = n
        }
    }

    var validity: Validity? {
        switch unit {
        case "hours": .hours(count)
        case "days": .days(count)
        case "months": .months(count)
        default: nil
        }
    }

    static let schema = JSONSchema.object(
        [
            ("unit", .enumeration(["hours", "days", "months"])), ("count", .integer(minimum: 1, maximum: 10_000)),
        ], required: ["unit", "count"])
}

/// A data quota: bytes per period and when it resets.
public struct QuotaDTO: Codable, Sendable {
    public var bytes: Int64
    public var reset: String

    static let schema = JSONSchema.object(
        [
            ("bytes", .integer(minimum: 1)), ("reset", .enumeration(["daily", "monthly", "per_validity"])),
        ], required: ["bytes", "reset"])
}

/// What happens at expiry or at the quota: `reject` (with `message`), `restrict` (accept into a
/// restricted profile) or `switch_package` (serve as `package_id`, e.g. a slower FUP package).
public struct LimitActionDTO: Codable, Sendable {
    public var action: String
    public var message: String?
    public var packageId: Int64?
    public var poolName: String?
    public var addressList: String?
    public var rateLimit: String?
    public var sessionTimeout: Int?

    init(_ action: LimitAction) {
        switch action {
        case .reject(let message):
            self.action = "reject"
            self.message = message
        case .restrict(let profile):
            self.action = "restrict"
            message = profile.message
            poolName = profile.poolName
            addressList = profile.addressList
            rateLimit = profile.rateLimit?.attributeValue
            sessionTimeout = profile.sessionTimeout
        case .switchPackage(let id):
            self.action = "switch_package"
            packageId = id.rawValue
        }
    }

    func validate(_ field: String, into problems: inout [FieldProblem]) {
        switch action {
        case "reject":
            Check.text(message ?? "", field + ".message", 1...200, into: &problems)
        case "restrict":
            Check.text(message ?? "", field + ".message", 1...200, into: &problems)
            if let rateLimit { Check.rateLimit(rateLimit, field + ".rate_limit", into: &problems) }
            Check.range(sessionTimeout, field + ".session_timeout", 1...86_400 * 366, into: &problems)
        case "switch_package":
            if (packageId ?? 0) <= 0 {
                problems.append(FieldProblem(field + ".package_id", "must be a positive integer"))
            }
        default:
            problems.append(FieldProblem(field + ".action", "must be reject, restrict or switch_package"))
        }
    }

    var limitAction: LimitAction? {
        switch action {
        case "reject": return .reject(message: message ?? "")
        case "restrict":
            let rate = rateLimit.flatMap { try? RateLimit(parsing: $0) }
            return .restrict(
                RestrictedProfile(
                    poolName: poolName, addressList: addressList, rateLimit: rate,
                    sessionTimeout: sessionTimeout, message: message ?? ""))
        case "switch_package": return packageId.map { .switchPackage(PackageID($0)) }
        default: return nil
        }
    }

    static let schema = JSONSchema.object(
        [
            ("action", .enumeration(["reject", "restrict", "switch_package"])), ("message", .text(0...200)),
            ("package_id", .id), ("pool_name", .text(0...200)), ("address_list", .text(0...200)),
            ("rate_limit", .text(0...200)), ("session_timeout", .integer(minimum: 1)),
        ], required: ["action"])
}

/// `POST /packages` and `PUT /packages/{id}` (Admin): the whole definition.
struct PackageInput: APIModel, Validatable {
    var ispId: Int64?
    var name: String
    var rateLimit: String
    var validity: ValidityDTO
    var quota: QuotaDTO?
    var onExpiry: LimitActionDTO?
    var onQuota: LimitActionDTO?
    var poolName: String?
    var pppProfile: String?
    var addressList: String?
    var simultaneousUse: Int?
    var sessionTimeout: Int?
    var idleTimeout: Int?
    var interimInterval: Int?

    func validate(into problems: inout [FieldProblem]) {
        if let ispId { Check.positive(ispId, "isp_id", into: &problems) }
        Check.text(name, "name", into: &problems)
        Check.rateLimit(rateLimit, "rate_limit", into: &problems)
        if validity.validity == nil { problems.append(FieldProblem("validity.unit", "must be hours, days or months")) }
        Check.range(validity.count, "validity.count", 1...10_000, into: &problems)
        if let quota {
            if quota.bytes <= 0 { problems.append(FieldProblem("quota.bytes", "must be positive")) }
            if QuotaReset(rawValue: quota.reset) == nil {
                problems.append(FieldProblem("quota.reset", "must be daily, monthly or per_validity"))
            }
        }
        onExpiry?.validate("on_expiry", into: &problems)
        onQuota?.validate("on_quota", into: &problems)
        Check.optionalText(poolName, "pool_name", into: &problems)
        Check.optionalText(pppProfile, "ppp_profile", into: &problems)
        Check.optionalText(addressList, "address_list", into: &problems)
        Check.range(simultaneousUse, "simultaneous_use", 1...1000, into: &problems)
        Check.range(sessionTimeout, "session_timeout", 1...86_400 * 366, into: &problems)
        Check.range(idleTimeout, "idle_timeout", 1...86_400 * 366, into: &problems)
        Check.range(interimInterval, "interim_interval", 60...86_400, into: &problems)
    }

    var spec: PackageSpec {
        PackageSpec(
            name: name, rateLimit: rateLimit, validity: validity.validity ?? .days(30),
            quota: quota.flatMap { q in QuotaReset(rawValue: q.reset).map { DataQuota(bytes: q.bytes, reset: $0) } },
            onExpiry: onExpiry?.limitAction ?? .reject(message: "Account expired"),
            onQuota: onQuota?.limitAction ?? .reject(message: "Data quota exceeded"), poolName: poolName,
            pppProfile: pppProfile, addressList: addressList, simultaneousUse: simultaneousUse ?? 1,
            sessionTimeout: sessionTimeout, idleTimeout: idleTimeout, interimInterval: interimInterval ?? 300)
    }

    static let schemaName = "PackageInput"
    static let schema = JSONSchema.object(
        [
            ("isp_id", JSONSchema.id), ("name", .text(1...200)),
            ("rate_limit", .text(1...200, description: "RouterOS Mikrotik-Rate-Limit grammar")),
            ("validity", ValidityDTO.schema), ("quota", QuotaDTO.schema), ("on_expiry", LimitActionDTO.schema),
            ("on_quota", LimitActionDTO.schema), ("pool_name", .text(1...200)),
            ("ppp_profile", .text(1...200)), ("address_list", .text(1...200)),
            ("simultaneous_use", .integer(minimum: 1, maximum: 1000)),
            ("session_timeout", .integer(minimum: 1, maximum: 31_622_400)),
            ("idle_timeout", .integer(minimum: 1, maximum: 31_622_400)),
            ("interim_interval", .integer(minimum: 60, maximum: 86_400)),
        ], required: ["name", "rate_limit", "validity"])
    static var example: PackageInput {
        PackageInput(
            ispId: 5, name: "Standard", rateLimit: "10M/20M", validity: ValidityDTO(.months(1)), quota: nil,
            onExpiry: nil, onQuota: nil, poolName: nil, pppProfile: nil, addressList: nil,
            simultaneousUse: 1, sessionTimeout: nil, idleTimeout: nil, interimInterval: 300)
    }
}
