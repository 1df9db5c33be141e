/// The access service a subscriber may use.
public enum ServiceType: String, Sendable, Codable, Hashable {
    case pppoe
    case hotspot
    case any

    /// Whether a request for `requested` is allowed for a subscriber of this type.
    public func allows(_ requested: ServiceType) -> Bool {
        self == .any || requested == .any || self == requested
    }
}
