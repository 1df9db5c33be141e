import Foundation

/// A payment or SMS gateway configuration owned by the Developer, a tenancy (Super Admin) or an
/// ISP (Admin). Credentials live in `secrets` and never appear in `GatewayView`.
public struct Gateway: Sendable, Codable, Hashable, Identifiable {
    public var id: GatewayID
    public var kind: GatewayKind
    public var owner: GatewayOwner
    /// Provider name, e.g. `bkash`, `stripe`, `twilio`.
    public var provider: String
    public var name: String
    /// Non-secret settings (endpoints, merchant ids).
    public var settings: [String: String]
    /// Credentials (API keys, webhook signing secret).
    public var secrets: [String: String]
    /// For SMS gateways: price per message charged to users of the gateway below the owner.
    public var pricePerMessage: Int64?
    public var isEnabled: Bool
    public var createdBy: AccountID
    public var createdAt: Date

    /// The output model without credentials.
    public var view: GatewayView {
        GatewayView(
            id: id, kind: kind, owner: owner, provider: provider, name: name, settings: settings,
            secretNames: secrets.keys.sorted(), pricePerMessage: pricePerMessage, isEnabled: isEnabled)
    }
}

/// What a gateway is for.
public enum GatewayKind: String, Sendable, Codable {
    case payment
    case sms
}

/// Which level a gateway belongs to.
public enum GatewayOwner: Sendable, Codable, Hashable {
    case developer
    case tenancy(TenancyID)
    case isp(ISPID)
}

/// A gateway as shown to people and APIs: names of the secret keys but never their values.
public struct GatewayView: Sendable, Codable, Hashable, Identifiable {
    public var id: GatewayID
    public var kind: GatewayKind
    public var owner: GatewayOwner
    public var provider: String
    public var name: String
    public var settings: [String: String]
    public var secretNames: [String]
    public var pricePerMessage: Int64?
    public var isEnabled: Bool
}
