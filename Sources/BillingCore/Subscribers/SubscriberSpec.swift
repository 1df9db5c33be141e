/// Input for creating a subscriber. The password is sealed immediately and never stored in
/// cleartext; `ntHash` lets an importer bring MS-CHAP-only users without the cleartext.
public struct SubscriberSpec: Sendable, Hashable {
    public var username: String
    public var password: String?
    public var ntHash: [UInt8]?
    public var serviceType: ServiceType
    public var packageID: PackageID
    /// Seller that owns the subscriber; defaults to the creating account when it is a seller.
    public var ownerID: AccountID?
    public var staticIPv4: String?
    public var ipv6Prefix: String?
    public var macBinding: String?
    public var fullName: String?
    public var phone: String?

    public init(
        username: String, password: String?, ntHash: [UInt8]? = nil, serviceType: ServiceType = .any,
        packageID: PackageID, ownerID: AccountID? = nil, staticIPv4: String? = nil,
        ipv6Prefix: String? = nil, macBinding: String? = nil, fullName: String? = nil, phone: String? = nil
    ) {
        self.username = username
        self.password = password
        self.ntHash = ntHash
        self.serviceType = serviceType
        self.packageID = packageID
        self.ownerID = ownerID
        self.staticIPv4 = staticIPv4
        self.ipv6Prefix = ipv6Prefix
        self.macBinding = macBinding
        self.fullName = fullName
        self.phone = phone
    }
}
