/// A local PPP user, `/ppp/secret` (mikrotik.md §7.6). Uplink mirrors subscribers here as a
/// fallback for when RADIUS is unreachable; a local secret shadows RADIUS, so mirrors stay disabled.
public struct PPPSecret: RouterOSMenuItem, Hashable {
    public static let menuPath = "/ppp/secret"
    public var id: String?
    /// PPP user name (unique per router).
    public var name: String?
    /// Password (never logged).
    public var password: String?
    /// `any`, `pppoe`, `l2tp`, …
    public var service: String?
    /// Calling-station binding (PPPoE: client MAC in capitals).
    public var callerID: String?
    /// PPP profile name, carrying the rate limit.
    public var profile: String?
    /// Router-side address.
    public var localAddress: String?
    /// Client address (static IP subscribers).
    public var remoteAddress: String?
    /// Byte limits per session.
    public var limitBytesIn: String?
    /// Byte limits per session.
    public var limitBytesOut: String?
    /// Whether the secret is disabled.
    public var disabled: Bool?
    /// Free text; Uplink marks the entries it owns here.
    public var comment: String?
    /// Every property the router returned.
    public var raw: [String: String]

    /// Creates a secret with the fields to write.
    public init(
        name: String? = nil, password: String? = nil, service: String? = nil, callerID: String? = nil,
        profile: String? = nil, localAddress: String? = nil, remoteAddress: String? = nil,
        limitBytesIn: String? = nil, limitBytesOut: String? = nil, disabled: Bool? = nil, comment: String? = nil
    ) {
        self.name = name
        self.password = password
        self.service = service
        self.callerID = callerID
        self.profile = profile
        self.localAddress = localAddress
        self.remoteAddress = remoteAddress
        self.limitBytesIn = limitBytesIn
        self.limitBytesOut = limitBytesOut
        self.disabled = disabled
        self.comment = comment
        self.raw = [:]
    }

    public init(row: [String: String]) {
        self.init(
            name: row["name"], password: row["password"], service: row["service"], callerID: row["caller-id"],
            profile: row["profile"], localAddress: row["local-address"], remoteAddress: row["remote-address"],
            limitBytesIn: row["limit-bytes-in"], limitBytesOut: row["limit-bytes-out"],
            disabled: RouterOSValue.bool(row["disabled"]), comment: row["comment"])
        id = row[".id"]
        raw = row
    }

    public var attributes: [RouterOSAttribute] {
        RouterOSValue.attributes([
            "name": name, "password": password, "service": service, "caller-id": callerID, "profile": profile,
            "local-address": localAddress, "remote-address": remoteAddress, "limit-bytes-in": limitBytesIn,
            "limit-bytes-out": limitBytesOut, "disabled": RouterOSValue.word(disabled), "comment": comment,
        ])
    }
}

extension PPPSecret: CustomStringConvertible {
    /// Name, profile and id only: the password never appears in logs.
    public var description: String {
        "PPPSecret(id: \(id ?? "-"), name: \(name ?? "-"), profile: \(profile ?? "-"))"
    }
}
