/// Changes to a subscriber's editable fields; nil leaves a field alone. Use `.some(nil)` on the
/// double optionals to clear a value.
public struct SubscriberUpdate: Sendable, Hashable {
    public var password: String?
    public var serviceType: ServiceType?
    public var staticIPv4: String??
    public var ipv6Prefix: String??
    public var macBinding: String??
    public var fullName: String??
    public var phone: String??
    /// Move the subscriber to another seller of the same ISP.
    public var ownerID: AccountID?

    public init(
        password: String? = nil, serviceType: ServiceType? = nil, staticIPv4: String?? = nil,
        ipv6Prefix: String?? = nil, macBinding: String?? = nil, fullName: String?? = nil, phone: String?? = nil,
        ownerID: AccountID? = nil
    ) {
        self.password = password
        self.serviceType = serviceType
        self.staticIPv4 = staticIPv4
        self.ipv6Prefix = ipv6Prefix
        self.macBinding = macBinding
        self.fullName = fullName
        self.phone = phone
        self.ownerID = ownerID
    }
}
