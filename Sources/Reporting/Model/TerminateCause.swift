/// Names of Acct-Terminate-Cause values (RFC 2866 §5.10; 19–22 from RFC 3580 §3.21), as the
/// sessions report shows them.
public enum TerminateCause {
    static let names: [Int: String] = [
        1: "User-Request", 2: "Lost-Carrier", 3: "Lost-Service", 4: "Idle-Timeout", 5: "Session-Timeout",
        6: "Admin-Reset", 7: "Admin-Reboot", 8: "Port-Error", 9: "NAS-Error", 10: "NAS-Request", 11: "NAS-Reboot",
        12: "Port-Unneeded", 13: "Port-Preempted", 14: "Port-Suspended", 15: "Service-Unavailable", 16: "Callback",
        17: "User-Error", 18: "Host-Request", 19: "Supplicant-Restart", 20: "Reauthentication-Failure",
        21: "Port-Reinitialized", 22: "Port-Administratively-Disabled",
    ]

    /// The attribute value's name, or the number for values we have no name for.
    public static func name(_ value: Int) -> String {
        names[value] ?? String(value)
    }

    /// What ended a session: the NAS's terminate cause after a Stop, else the engine's reason
    /// (`superseded`, `reaped`, `nas_restart`); empty while open.
    public static func describe(cause: Int?, closeReason: String?) -> String {
        if closeReason == nil || closeReason == "stop" { return cause.map(name) ?? "" }
        return closeReason ?? ""
    }
}
