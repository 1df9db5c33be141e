/// How the client logs in (API docs "Initial login"; mikrotik.md §7.5).
public enum RouterOSLoginMethod: Hashable, Sendable {
    /// Send `/login =name= =password=` (RouterOS 6.43+). If the router answers with a challenge
    /// (`!done =ret=…`, pre-6.43 behaviour), fall back to the MD5 challenge response.
    case automatic
    /// Only `/login =name= =password=`; a challenge in the answer is a login failure.
    case plain
    /// Only the legacy challenge: bare `/login`, then `=response=00` + MD5(0x00 ‖ password ‖ challenge).
    case challenge
}
