/// What the secret mirror of one router needs from billing (issue 6, "Secret fallback"): the
/// router, its ISP's packages and PPP profile records, and the ISP's active PPP subscribers with
/// their cleartext passwords. Handed only to the NAS-control layer; never for output.
public struct SecretMirrorSource: Sendable {
    /// One subscriber to mirror as a `/ppp/secret`.
    public struct Subscriber: Sendable, Hashable {
        public var id: SubscriberID
        public var username: String
        /// Cleartext password (never log it).
        public var password: String
        public var serviceType: ServiceType
        public var packageID: PackageID
        public var staticIPv4: String?
        public var macBinding: MACAddress?

        /// Memberwise initialiser (tests build sources by hand).
        public init(
            id: SubscriberID, username: String, password: String, serviceType: ServiceType, packageID: PackageID,
            staticIPv4: String? = nil, macBinding: MACAddress? = nil
        ) {
            self.id = id
            self.username = username
            self.password = password
            self.serviceType = serviceType
            self.packageID = packageID
            self.staticIPv4 = staticIPv4
            self.macBinding = macBinding
        }
    }

    /// The router (with secrets).
    public var nas: NASDevice
    /// The ISP's packages that are not archived, by id order.
    public var packages: [ServicePackage]
    /// The ISP's PPP profile records (for local address and pool of a package's profile).
    public var pppProfiles: [PPPProfile]
    /// Active PPP subscribers (status `active`, service `pppoe` or `any`) with a cleartext password.
    public var subscribers: [Subscriber]
    /// Active PPP subscribers left out because only an NT hash of their password is known.
    public var skippedWithoutPassword: Int

    /// Memberwise initialiser (tests build sources by hand).
    public init(
        nas: NASDevice, packages: [ServicePackage], pppProfiles: [PPPProfile], subscribers: [Subscriber],
        skippedWithoutPassword: Int = 0
    ) {
        self.nas = nas
        self.packages = packages
        self.pppProfiles = pppProfiles
        self.subscribers = subscribers
        self.skippedWithoutPassword = skippedWithoutPassword
    }
}
