import BillingCore
import Foundation
import HTTPTypes

/// A subscriber (PPP or hotspot customer) as the API shows it: no password, no NT hash.
public struct CustomerDTO: APIModel {
    public var id: Int64
    public var ispId: Int64
    public var username: String
    public var serviceType: String
    public var packageId: Int64
    public var packageName: String?
    public var ownerId: Int64
    public var status: String
    public var expiresAt: Date?
    public var staticIpv4: String?
    public var ipv6Prefix: String?
    public var macBinding: String?
    public var quotaBytes: Int64?
    public var quotaUsed: Int64
    public var quotaRemaining: Int64?
    public var quotaPeriodStart: Date?
    public var fullName: String?
    public var phone: String?
    public var createdAt: Date
    public var updatedAt: Date

    static let statuses = SubscriberStatus.allCases.map(\.rawValue)

    public static let schemaName = "Customer"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("isp_id", .id), ("username", .string()),
            ("service_type", .enumeration(["pppoe", "hotspot", "any"])),
            ("package_id", .id), ("package_name", JSONSchema.string().nullable), ("owner_id", .id),
            ("status", .enumeration(statuses)), ("expires_at", JSONSchema.dateTime.nullable),
            ("static_ipv4", JSONSchema.string().nullable), ("ipv6_prefix", JSONSchema.string().nullable),
            ("mac_binding", JSONSchema.string().nullable), ("quota_bytes", JSONSchema.integer(minimum: 0).nullable),
            ("quota_used", .integer(minimum: 0)), ("quota_remaining", JSONSchema.integer(minimum: 0).nullable),
            ("quota_period_start", JSONSchema.dateTime.nullable), ("full_name", JSONSchema.string().nullable),
            ("phone", JSONSchema.string().nullable), ("created_at", .dateTime), ("updated_at", .dateTime),
        ],
        required: [
            "id", "isp_id", "username", "service_type", "package_id", "owner_id", "status", "quota_used",
            "created_at", "updated_at",
        ])
    public static let example = CustomerDTO(
        id: 40, ispId: 5, username: "customer1", serviceType: "pppoe", packageId: 9, packageName: "Basic", ownerId: 8,
        status: "active", expiresAt: exampleDate, staticIpv4: nil, ipv6Prefix: nil, macBinding: nil,
        quotaBytes: 10_000_000_000, quotaUsed: 1_000_000, quotaRemaining: 9_999_000_000, quotaPeriodStart: exampleDate,
        fullName: "Demo Customer", phone: nil, createdAt: exampleDate, updatedAt: exampleDate)
}

extension CustomerDTO {
    init(_ view: SubscriberView, package: ServicePackage?) {
        id = view.id.rawValue
        ispId = view.ispID.rawValue
        username = view.username
        serviceType = view.serviceType.rawValue
        packageId = view.packageID.rawValue
        packageName = package?.name
        ownerId = view.ownerID.rawValue
        status = view.status.rawValue
        expiresAt = view.expiresAt
        staticIpv4 = view.staticIPv4
        ipv6Prefix = view.ipv6Prefix
        macBinding = view.macBinding?.description
        quotaBytes = package?.quota?.bytes
        quotaUsed = view.quotaUsed
        quotaRemaining = package?.quota.map { max(0, $0.bytes - view.quotaUsed) }
        quotaPeriodStart = view.quotaPeriodStart
        fullName = view.fullName
        phone = view.phone
        createdAt = view.createdAt
        updatedAt = view.updatedAt
    }

    init(_ view: SubscriberView, engine: BillingEngine) {
        self.init(view, package: engine.package(view.packageID))
    }
}

/// `POST /customers`.
struct CustomerCreate: APIModel, Validatable {
    var ispId: Int64
    var username: String
    var password: String
    var serviceType: String?
    var packageId: Int64
    var ownerId: Int64?
    var staticIpv4: String?
    var ipv6Prefix: String?
    var macBinding: String?
    var fullName: String?
    var phone: String?

    func validate(into problems: inout [FieldProblem]) {
        Check.positive(ispId, "isp_id", into: &problems)
        Check.text(username, "username", 1...64, into: &problems)
        if password.isEmpty || password.utf8.count > 128 {
            problems.append(FieldProblem("password", "must be 1…128 bytes"))
        }
        if let serviceType, ServiceType(rawValue: serviceType) == nil {
            problems.append(FieldProblem("service_type", "must be pppoe, hotspot or any"))
        }
        Check.positive(packageId, "package_id", into: &problems)
        if let ownerId { Check.positive(ownerId, "owner_id", into: &problems) }
        Check.ipv4(staticIpv4, "static_ipv4", into: &problems)
        Check.ipv6Prefix(ipv6Prefix, "ipv6_prefix", into: &problems)
        Check.mac(macBinding, "mac_binding", into: &problems)
        Check.optionalText(fullName, "full_name", 0...200, into: &problems)
        Check.optionalText(phone, "phone", 0...40, into: &problems)
    }

    var spec: SubscriberSpec {
        SubscriberSpec(
            username: username, password: password, serviceType: serviceType.flatMap(ServiceType.init) ?? .any,
            packageID: PackageID(packageId), ownerID: ownerId.map(AccountID.init), staticIPv4: staticIpv4,
            ipv6Prefix: ipv6Prefix, macBinding: macBinding, fullName: fullName, phone: phone)
    }

    static let schemaName = "CustomerCreate"
    static let schema = JSONSchema.object(
        [
            ("isp_id", .id), ("username", .text(1...64)),
            ("password", .string(minLength: 1, maxLength: 128)),
            ("service_type", .enumeration(["pppoe", "hotspot", "any"])),
            ("package_id", .id), ("owner_id", .id), ("static_ipv4", .string(format: "ipv4")),
            ("ipv6_prefix", .text(0...50)), ("mac_binding", .text(0...20)),
            ("full_name", .text(0...200)), ("phone", .text(0...40)),
        ], required: ["isp_id", "username", "password", "package_id"])
    static let example = CustomerCreate(
        ispId: 5, username: "alice", password: "ppp-secret", serviceType: "pppoe", packageId: 9, ownerId: nil,
        staticIpv4: nil, ipv6Prefix: nil, macBinding: nil, fullName: "Alice", phone: nil)
}

/// `PATCH /customers/{id}`: absent fields stay; `null` clears an optional field.
struct CustomerUpdate: APIModel, Validatable {
    var password: String?
    var serviceType: String?
    var staticIpv4: String?
    var ipv6Prefix: String?
    var macBinding: String?
    var fullName: String?
    var phone: String?
    var ownerId: Int64?

    func validate(into problems: inout [FieldProblem]) {
        if let password, password.isEmpty || password.utf8.count > 128 {
            problems.append(FieldProblem("password", "must be 1…128 bytes"))
        }
        if let serviceType, ServiceType(rawValue: serviceType) == nil {
            problems.append(FieldProblem("service_type", "must be pppoe, hotspot or any"))
        }
        Check.ipv4(staticIpv4, "static_ipv4", into: &problems)
        Check.ipv6Prefix(ipv6Prefix, "ipv6_prefix", into: &problems)
        Check.mac(macBinding, "mac_binding", into: &problems)
        Check.optionalText(fullName, "full_name", 0...200, into: &problems)
        Check.optionalText(phone, "phone", 0...40, into: &problems)
        if let ownerId { Check.positive(ownerId, "owner_id", into: &problems) }
    }

    /// Only fields present in the body change; empty strings clear.
    var update: SubscriberUpdate {
        func clearable(_ value: String?) -> String?? {
            guard let value else { return nil }
            return .some(value.isEmpty ? nil : value)
        }
        return SubscriberUpdate(
            password: password, serviceType: serviceType.flatMap(ServiceType.init), staticIPv4: clearable(staticIpv4),
            ipv6Prefix: clearable(ipv6Prefix), macBinding: clearable(macBinding), fullName: clearable(fullName),
            phone: clearable(phone), ownerID: ownerId.map(AccountID.init))
    }

    static let schemaName = "CustomerUpdate"
    static let schema = JSONSchema.object([
        ("password", .string(minLength: 1, maxLength: 128)),
        ("service_type", .enumeration(["pppoe", "hotspot", "any"])),
        ("static_ipv4", .text(0...15, description: "IPv4 address; empty string clears")),
        ("ipv6_prefix", .text(0...50)), ("mac_binding", .text(0...20)),
        ("full_name", .text(0...200)), ("phone", .text(0...40)), ("owner_id", .id),
    ])
    static let example = CustomerUpdate(
        password: nil, serviceType: nil, staticIpv4: nil, ipv6Prefix: nil,
        macBinding: nil, fullName: "Alice B.", phone: "+880100000000", ownerId: nil)
}
