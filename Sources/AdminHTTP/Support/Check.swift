import BillingCore
import Foundation
import HTTPTypes

/// Field checks shared by the request models. Each appends a `FieldProblem` instead of throwing,
/// so one response lists every wrong field.
enum Check {
    static func text(
        _ value: String, _ field: String, _ length: ClosedRange<Int> = 1...200,
        into problems: inout [FieldProblem]
    ) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if !length.contains(trimmed.count) {
            problems.append(FieldProblem(field, "must be \(length.lowerBound)…\(length.upperBound) characters"))
        } else if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            problems.append(FieldProblem(field, "must not contain control characters"))
        }
    }

    static func optionalText(
        _ value: String?, _ field: String, _ length: ClosedRange<Int> = 1...200,
        into problems: inout [FieldProblem]
    ) {
        if let value { text(value, field, length, into: &problems) }
    }

    static func email(_ value: String, _ field: String = "email", into problems: inout [FieldProblem]) {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            value.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !value.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        if !valid { problems.append(FieldProblem(field, "must be an email address")) }
    }

    /// Account passwords: bcrypt reads at most 72 bytes, so longer ones are refused, not cut.
    static func password(_ value: String, _ field: String = "password", into problems: inout [FieldProblem]) {
        if value.count < 8 || value.utf8.count > 72 {
            problems.append(FieldProblem(field, "must be 8 characters to 72 bytes"))
        }
    }

    static func positive(_ value: Int64, _ field: String, into problems: inout [FieldProblem]) {
        if value <= 0 { problems.append(FieldProblem(field, "must be a positive integer")) }
    }

    static func range<T: Comparable & Sendable>(
        _ value: T?, _ field: String, _ range: ClosedRange<T>,
        into problems: inout [FieldProblem]
    ) {
        if let value, !range.contains(value) {
            problems.append(FieldProblem(field, "must be in \(range.lowerBound)…\(range.upperBound)"))
        }
    }

    /// Money in minor units: non-negative (or positive) and below 10^15 (no overflow in sums).
    static func money(_ value: Int64, _ field: String, allowZero: Bool = false, into problems: inout [FieldProblem]) {
        if value < (allowZero ? 0 : 1) || value > 999_999_999_999_999 {
            problems.append(
                FieldProblem(field, allowZero ? "must be 0…10^15 minor units" : "must be 1…10^15 minor units"))
        }
    }

    /// An IPv4/IPv6 address or CIDR network.
    static func ipOrCIDR(_ value: String, _ field: String, into problems: inout [FieldProblem]) {
        if IPNetwork(value) == nil { problems.append(FieldProblem(field, "must be an IP address or CIDR network")) }
    }

    static func ipv4(_ value: String?, _ field: String, into problems: inout [FieldProblem]) {
        guard let value, !value.isEmpty else { return }
        if let network = IPNetwork(value), network.isIPv4, network.prefixLength == 32, !value.contains("/") { return }
        problems.append(FieldProblem(field, "must be an IPv4 address"))
    }

    static func ipv6Prefix(_ value: String?, _ field: String, into problems: inout [FieldProblem]) {
        guard let value, !value.isEmpty else { return }
        if let network = IPNetwork(value), !network.isIPv4, value.contains("/") { return }
        problems.append(FieldProblem(field, "must be an IPv6 prefix such as 2001:db8::/56"))
    }

    static func mac(_ value: String?, _ field: String, into problems: inout [FieldProblem]) {
        guard let value, !value.isEmpty else { return }
        if MACAddress(value) == nil { problems.append(FieldProblem(field, "must be a MAC address")) }
    }

    /// The RouterOS `Mikrotik-Rate-Limit` grammar, checked by the engine's own parser.
    static func rateLimit(_ value: String, _ field: String, into problems: inout [FieldProblem]) {
        do { _ = try RateLimit(parsing: value) } catch {
            problems.append(FieldProblem(field, error.message))
        }
    }
}
