/// Where the money of a manual top-up comes from.
public enum TopUpSource: String, Sendable, Codable, Hashable {
    /// The parent received cash (or a bank transfer) outside the system.
    case cashReceived = "cash_received"
    /// Moved from the parent's own wallet (an Operator funding its Sub-Operator).
    case parentWallet = "parent_wallet"
}
