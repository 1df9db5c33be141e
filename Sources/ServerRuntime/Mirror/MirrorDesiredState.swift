import BillingCore

/// What a router in mirror mode should hold, computed from billing: one `/ppp/profile` per package
/// (carrying its rate limit) and one disabled `/ppp/secret` per active PPP subscriber of the
/// router's ISP. Compared with the previous sync's state to skip routers where nothing changed.
public struct MirrorDesiredState: Sendable, Equatable {
    /// A profile as Uplink writes it.
    public struct Profile: Sendable, Equatable {
        public var name: String
        public var rateLimit: String
        public var localAddress: String?
        public var remoteAddress: String?
        public var addressList: String?
        public var onlyOne: String?
        public var comment: String
    }

    /// A secret as Uplink writes it (always `disabled=yes`).
    public struct Secret: Sendable, Equatable {
        public var name: String
        public var password: String
        public var service: String
        public var profile: String
        public var remoteAddress: String?
        public var callerID: String?
        public var comment: String
    }

    /// Profiles sorted by name.
    public var profiles: [Profile]
    /// Secrets sorted by name.
    public var secrets: [Secret]
    /// Active PPP subscribers not mirrored: only an NT hash of their password is known.
    public var skippedWithoutPassword: Int
    /// Active PPP subscribers not mirrored: their package is archived or unknown.
    public var skippedWithoutPackage: Int

    /// A state with nothing in it: syncing it removes every entry Uplink owns (mirror mode off).
    public static let empty = MirrorDesiredState(profiles: [], secrets: [], skippedWithoutPassword: 0, skippedWithoutPackage: 0)

    /// Memberwise initialiser.
    public init(profiles: [Profile], secrets: [Secret], skippedWithoutPassword: Int, skippedWithoutPackage: Int) {
        self.profiles = profiles
        self.secrets = secrets
        self.skippedWithoutPassword = skippedWithoutPassword
        self.skippedWithoutPackage = skippedWithoutPackage
    }

    /// Builds the state from what billing says (see `BillingEngine.secretMirrorSource(for:)`).
    public init(_ source: SecretMirrorSource) {
        let names = MirrorNaming.profileNames(for: source.packages)
        let records = Dictionary(source.pppProfiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        profiles = source.packages.compactMap { package in
            guard let name = names[package.id] else { return nil }
            let record = package.pppProfile.flatMap { records[$0] }
            return Profile(
                name: name, rateLimit: package.rateLimit.attributeValue, localAddress: record?.localAddress,
                remoteAddress: package.poolName ?? record?.remotePool, addressList: package.addressList,
                onlyOne: package.simultaneousUse == 1 ? "yes" : nil, comment: MirrorNaming.profileComment(package.id))
        }.sorted { $0.name < $1.name }
        var secrets: [Secret] = []
        var withoutPackage = 0
        for subscriber in source.subscribers {
            guard let profile = names[subscriber.packageID] else {
                withoutPackage += 1
                continue
            }
            secrets.append(Secret(
                name: subscriber.username, password: subscriber.password,
                service: subscriber.serviceType == .pppoe ? "pppoe" : "any", profile: profile,
                remoteAddress: subscriber.staticIPv4, callerID: subscriber.macBinding?.description,
                comment: MirrorNaming.secretComment(subscriber.id)))
        }
        self.secrets = secrets.sorted { $0.name < $1.name }
        skippedWithoutPassword = source.skippedWithoutPassword
        skippedWithoutPackage = withoutPackage
    }
}
