/// A local hotspot user, `/ip/hotspot/user` (mikrotik.md §7.6). Like PPP secrets, local users take
/// precedence over RADIUS.
public struct HotspotUser: RouterOSMenuItem, Hashable {
    public static let menuPath = "/ip/hotspot/user"
    public var id: String?
    /// User name.
    public var name: String?
    /// Password (never logged).
    public var password: String?
    /// User profile (rate limit, shared users).
    public var profile: String?
    /// Hotspot server (`all` by default).
    public var server: String?
    /// Static address for the user.
    public var address: String?
    /// MAC binding (`00:00:00:00:00:00` = any).
    public var macAddress: String?
    /// Uptime limit in RouterOS notation.
    public var limitUptime: String?
    /// Total byte limit.
    public var limitBytesTotal: String?
    /// Whether the user is disabled.
    public var disabled: Bool?
    /// Free text; Uplink marks the entries it owns here.
    public var comment: String?
    /// Every property the router returned.
    public var raw: [String: String]

    /// Creates a user with the fields to write.
    public init(
        name: String? = nil, password: String? = nil, profile: String? = nil, server: String? = nil,
        address: String? = nil, macAddress: String? = nil, limitUptime: String? = nil,
        limitBytesTotal: String? = nil, disabled: Bool? = nil, comment: String? = nil
    ) {
        self.name = name
        self.password = password
        self.profile = profile
        self.server = server
        self.address = address
        self.macAddress = macAddress
        self.limitUptime = limitUptime
        self.limitBytesTotal = limitBytesTotal
        self.disabled = disabled
        self.comment = comment
        self.raw = [:]
    }

    public init(row: [String: String]) {
        self.init(
            name: row["name"], password: row["password"], profile: row["profile"], server: row["server"],
            address: row["address"], macAddress: row["mac-address"], limitUptime: row["limit-uptime"],
            limitBytesTotal: row["limit-bytes-total"], disabled: RouterOSValue.bool(row["disabled"]),
            comment: row["comment"])
        id = row[".id"]
        raw = row
    }

    public var attributes: [RouterOSAttribute] {
        RouterOSValue.attributes([
            "name": name, "password": password, "profile": profile, "server": server, "address": address,
            "mac-address": macAddress, "limit-uptime": limitUptime, "limit-bytes-total": limitBytesTotal,
            "disabled": RouterOSValue.word(disabled), "comment": comment,
        ])
    }
}

extension HotspotUser: CustomStringConvertible {
    /// Name, profile and id only: the password never appears in logs.
    public var description: String {
        "HotspotUser(id: \(id ?? "-"), name: \(name ?? "-"), profile: \(profile ?? "-"))"
    }
}
