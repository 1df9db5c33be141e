import BillingCore
import Foundation
import HTTPTypes

/// What the RADIUS server would answer for a customer now, and why: the outcome, its reason, the
/// message a hotspot page would show, and the reply attributes of an accept. The default
/// explainer asks the engine's standing decision (`currentDecision(for:)`); the runtime may pass
/// one that also consults the NAS-level checks of the AAA layer.
public struct DecisionExplanation: APIModel {
    public var customerId: Int64
    /// `accept`, `restricted` or `reject`.
    public var outcome: String
    public var reason: String
    public var message: String?
    public var reply: ReplyDTO?
    /// Human-readable steps that led to the outcome.
    public var explanation: [String]

    public init(
        customerId: Int64, outcome: String, reason: String, message: String?, reply: ReplyDTO?,
        explanation: [String]
    ) {
        self.customerId = customerId
        self.outcome = outcome
        self.reason = reason
        self.message = message
        self.reply = reply
        self.explanation = explanation
    }

    /// Explains the engine's standing decision for a subscriber (nil when it does not exist).
    public static func explain(_ id: SubscriberID, engine: BillingEngine) -> DecisionExplanation? {
        guard let decision = engine.currentDecision(for: id) else { return nil }
        let outcome: String
        var steps: [String] = []
        switch decision {
        case .accept:
            outcome = "accept"
            steps.append("status and paid period allow service; package reply applies")
        case .restricted(_, let reason, _):
            outcome = "restricted"
            steps.append("\(reason.rawValue): the package or ISP sends the subscriber to a restricted profile")
        case .reject(let reason, _):
            outcome = "reject"
            steps.append("\(reason.rawValue): Access-Reject with Reply-Message")
        }
        steps.append("NAS-level checks (shared secret, MAC binding, simultaneous use) are applied per request")
        return DecisionExplanation(
            customerId: id.rawValue, outcome: outcome, reason: decision.reason.rawValue, message: decision.message,
            reply: decision.reply.map(ReplyDTO.init), explanation: steps)
    }

    public static let schemaName = "Decision"
    public static let schema = JSONSchema.object(
        [
            ("customer_id", .id), ("outcome", .enumeration(["accept", "restricted", "reject"])),
            ("reason", .enumeration(DecisionReason.allCases.map(\.rawValue))),
            ("message", JSONSchema.string().nullable),
            ("reply", ReplyDTO.schema.nullable), ("explanation", .array(.string())),
        ], required: ["customer_id", "outcome", "reason", "explanation"])
    public static let example = DecisionExplanation(
        customerId: 40, outcome: "accept", reason: "ok", message: nil,
        reply: ReplyDTO(
            rateLimit: "5M/10M", group: "default", poolName: "pppoe-pool", staticIpv4: nil,
            sessionTimeout: 86_400, idleTimeout: nil, interimInterval: 300, addressList: nil,
            remainingQuotaBytes: nil),
        explanation: ["status and paid period allow service; package reply applies"])
}

/// The attributes an Access-Accept would carry.
public struct ReplyDTO: Codable, Sendable {
    public var rateLimit: String?
    public var group: String?
    public var poolName: String?
    public var staticIpv4: String?
    public var sessionTimeout: Int?
    public var idleTimeout: Int?
    public var interimInterval: Int?
    public var addressList: String?
    public var remainingQuotaBytes: Int64?

    static let schema = JSONSchema.object([
        ("rate_limit", JSONSchema.string().nullable), ("group", JSONSchema.string().nullable),
        ("pool_name", JSONSchema.string().nullable), ("static_ipv4", JSONSchema.string().nullable),
        ("session_timeout", JSONSchema.integer().nullable), ("idle_timeout", JSONSchema.integer().nullable),
        ("interim_interval", JSONSchema.integer().nullable), ("address_list", JSONSchema.string().nullable),
        ("remaining_quota_bytes", JSONSchema.integer().nullable),
    ])
}

extension ReplyDTO {
    init(_ reply: ReplyParameters) {
        rateLimit = reply.rateLimit?.attributeValue
        group = reply.group
        poolName = reply.poolName
        staticIpv4 = reply.staticIPv4
        sessionTimeout = reply.sessionTimeout
        idleTimeout = reply.idleTimeout
        interimInterval = reply.interimInterval
        addressList = reply.addressList
        remainingQuotaBytes = reply.remainingQuotaBytes
    }
}
