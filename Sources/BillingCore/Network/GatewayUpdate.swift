/// Changes to a gateway; nil leaves a field alone. Credentials are write-only: `secrets` sets
/// (or replaces) the named keys, `removedSecrets` drops keys; neither is ever read back.
/// `pricePerMessage` is a double optional: `.some(nil)` clears it.
public struct GatewayUpdate: Sendable, Hashable {
    public var provider: String?
    public var name: String?
    /// Replaces all non-secret settings.
    public var settings: [String: String]?
    public var secrets: [String: String]
    public var removedSecrets: Set<String>
    public var pricePerMessage: Int64??
    /// A disabled payment gateway refuses webhooks; a disabled SMS gateway books no SMS charges.
    public var isEnabled: Bool?

    public init(
        provider: String? = nil, name: String? = nil, settings: [String: String]? = nil,
        secrets: [String: String] = [:], removedSecrets: Set<String> = [], pricePerMessage: Int64?? = nil,
        isEnabled: Bool? = nil
    ) {
        self.provider = provider
        self.name = name
        self.settings = settings
        self.secrets = secrets
        self.removedSecrets = removedSecrets
        self.pricePerMessage = pricePerMessage
        self.isEnabled = isEnabled
    }
}
