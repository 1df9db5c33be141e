import BillingCore
import Foundation
import HTTPTypes

/// An IP pool of an ISP (its name is what `Framed-Pool` carries).
public struct PoolDTO: APIModel {
    public var id: Int64
    public var ispId: Int64
    public var name: String
    public var ranges: String
    public var ipv6: Bool
    public var createdAt: Date

    public static let schemaName = "Pool"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("isp_id", .id), ("name", .string()), ("ranges", .string()), ("ipv6", .boolean),
            ("created_at", .dateTime),
        ], required: ["id", "isp_id", "name", "ranges", "ipv6", "created_at"])
    public static let example = PoolDTO(
        id: 13, ispId: 5, name: "pppoe-pool", ranges: "10.10.0.2-10.10.255.254",
        ipv6: false, createdAt: exampleDate)
}

extension PoolDTO {
    init(_ pool: IPPool) {
        id = pool.id.rawValue
        ispId = pool.ispID.rawValue
        name = pool.name
        ranges = pool.ranges
        ipv6 = pool.isIPv6
        createdAt = pool.createdAt
    }
}

/// `POST /pools`.
struct PoolCreate: APIModel, Validatable {
    var ispId: Int64
    var name: String
    var ranges: String
    var ipv6: Bool?

    func validate(into problems: inout [FieldProblem]) {
        Check.positive(ispId, "isp_id", into: &problems)
        Check.text(name, "name", into: &problems)
        Self.checkRanges(ranges, into: &problems)
    }

    /// Comma-separated `ADDRESS`, `ADDRESS-ADDRESS` or CIDR, at most 2000 characters.
    static func checkRanges(_ ranges: String, into problems: inout [FieldProblem]) {
        Check.text(ranges, "ranges", 1...2000, into: &problems)
        for (index, part) in ranges.split(separator: ",").enumerated() {
            let bounds = part.split(separator: "-", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let valid = !bounds.isEmpty && bounds.allSatisfy { IPNetwork($0) != nil }
            if !valid {
                problems.append(FieldProblem("ranges", "range \(index + 1) must be ADDRESS, ADDRESS-ADDRESS or CIDR"))
            }
        }
    }

    static let schemaName = "PoolCreate"
    static let schema = JSONSchema.object(
        [
            ("isp_id", .id), ("name", .text(1...200)),
            ("ranges", .text(1...2000, description: "comma-separated ADDRESS-ADDRESS or CIDR")),
            ("ipv6", .boolean),
        ], required: ["isp_id", "name", "ranges"])
    static let example = PoolCreate(ispId: 5, name: "hotspot-pool", ranges: "10.20.0.2-10.20.0.254", ipv6: false)
}

/// `PATCH /pools/{id}`: absent members stay.
struct PoolPatch: APIModel, Validatable {
    var name: String?
    var ranges: String?
    var ipv6: Bool?

    func validate(into problems: inout [FieldProblem]) {
        Check.optionalText(name, "name", into: &problems)
        if let ranges { PoolCreate.checkRanges(ranges, into: &problems) }
    }

    var update: IPPoolUpdate { IPPoolUpdate(name: name, ranges: ranges, isIPv6: ipv6) }

    static let schemaName = "PoolPatch"
    static let schema = JSONSchema.object([
        ("name", .text(1...200)),
        ("ranges", .text(1...2000, description: "comma-separated ADDRESS-ADDRESS or CIDR")), ("ipv6", .boolean),
    ])
    static let example = PoolPatch(name: nil, ranges: "10.20.0.2-10.20.3.254", ipv6: nil)
}
