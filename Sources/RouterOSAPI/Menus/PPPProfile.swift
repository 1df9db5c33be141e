/// A PPP profile, `/ppp/profile` (mikrotik.md §7.6). Uplink mirrors each package as a profile whose
/// `rate-limit` carries the package speed (same grammar as Mikrotik-Rate-Limit, §1.2).
public struct PPPProfile: RouterOSMenuItem, Hashable {
    public static let menuPath = "/ppp/profile"
    public var id: String?
    /// Profile name (unique per router; `default` and `default-encryption` are built in).
    public var name: String?
    /// Router-side address.
    public var localAddress: String?
    /// Client address or pool name.
    public var remoteAddress: String?
    /// Rate limit, e.g. `2M/10M`.
    public var rateLimit: String?
    /// Session timeout in RouterOS notation.
    public var sessionTimeout: String?
    /// Idle timeout in RouterOS notation.
    public var idleTimeout: String?
    /// `yes`, `no` or `default`.
    public var onlyOne: String?
    /// Address list the client address is added to.
    public var addressList: String?
    /// Free text; Uplink marks the entries it owns here.
    public var comment: String?
    /// Every property the router returned.
    public var raw: [String: String]

    /// Creates a profile with the fields to write.
    public init(
        name: String? = nil, localAddress: String? = nil, remoteAddress: String? = nil, rateLimit: String? = nil,
        sessionTimeout: String? = nil, idleTimeout: String? = nil, onlyOne: String? = nil,
        addressList: String? = nil, comment: String? = nil
    ) {
        self.name = name
        self.localAddress = localAddress
        self.remoteAddress = remoteAddress
        self.rateLimit = rateLimit
        self.sessionTimeout = sessionTimeout
        self.idleTimeout = idleTimeout
        self.onlyOne = onlyOne
        self.addressList = addressList
        self.comment = comment
        self.raw = [:]
    }

    public init(row: [String: String]) {
        self.init(
            name: row["name"], localAddress: row["local-address"], remoteAddress: row["remote-address"],
            rateLimit: row["rate-limit"], sessionTimeout: row["session-timeout"], idleTimeout: row["idle-timeout"],
            onlyOne: row["only-one"], addressList: row["address-list"], comment: row["comment"])
        id = row[".id"]
        raw = row
    }

    public var attributes: [RouterOSAttribute] {
        RouterOSValue.attributes([
            "name": name, "local-address": localAddress, "remote-address": remoteAddress, "rate-limit": rateLimit,
            "session-timeout": sessionTimeout, "idle-timeout": idleTimeout, "only-one": onlyOne,
            "address-list": addressList, "comment": comment,
        ])
    }
}
