/// A live PPP session, `/ppp/active` (read-only; `remove` disconnects it). mikrotik.md §7.6.
public struct PPPActiveSession: RouterOSMenuItem, Hashable {
    public static let menuPath = "/ppp/active"
    public var id: String?
    /// PPP user name.
    public var name: String?
    /// `pppoe`, `l2tp`, `pptp`, `ovpn`, `sstp`, …
    public var service: String?
    /// For PPPoE the client MAC, for PPTP/L2TP the client IP.
    public var callerID: String?
    /// The address given to the client.
    public var address: String?
    /// Session uptime in RouterOS notation (`1h2m3s`).
    public var uptime: String?
    /// The RADIUS Acct-Session-Id of the session.
    public var sessionID: String?
    /// Whether RADIUS authenticated the session (flag R).
    public var radius: Bool?
    /// Every property the router returned.
    public var raw: [String: String]

    public init(row: [String: String]) {
        id = row[".id"]
        name = row["name"]
        service = row["service"]
        callerID = row["caller-id"]
        address = row["address"]
        uptime = row["uptime"]
        sessionID = row["session-id"]
        radius = RouterOSValue.bool(row["radius"])
        raw = row
    }

    /// Active sessions cannot be added or changed; nothing is writable.
    public var attributes: [RouterOSAttribute] { [] }
}
