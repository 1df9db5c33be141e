/// A logged-in hotspot user, `/ip/hotspot/active` (`remove` logs it out). mikrotik.md §7.6.
public struct HotspotActiveSession: RouterOSMenuItem, Hashable {
    public static let menuPath = "/ip/hotspot/active"
    public var id: String?
    /// Hotspot server name.
    public var server: String?
    /// Hotspot user name.
    public var user: String?
    /// Client IP address.
    public var address: String?
    /// Client MAC address.
    public var macAddress: String?
    /// How the user logged in (`http-chap`, `mac`, `cookie`, …).
    public var loginBy: String?
    /// Session uptime in RouterOS notation.
    public var uptime: String?
    /// Bytes from the client (router view).
    public var bytesIn: String?
    /// Bytes to the client (router view).
    public var bytesOut: String?
    /// Whether RADIUS authenticated the session (flag R).
    public var radius: Bool?
    /// Every property the router returned.
    public var raw: [String: String]

    public init(row: [String: String]) {
        id = row[".id"]
        server = row["server"]
        user = row["user"]
        address = row["address"]
        macAddress = row["mac-address"]
        loginBy = row["login-by"]
        uptime = row["uptime"]
        bytesIn = row["bytes-in"]
        bytesOut = row["bytes-out"]
        radius = RouterOSValue.bool(row["radius"])
        raw = row
    }

    /// Active sessions cannot be added or changed; nothing is writable.
    public var attributes: [RouterOSAttribute] { [] }
}
