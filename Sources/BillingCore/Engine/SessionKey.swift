/// Key of an accounting session: NAS + Acct-Session-Id (RFC 2866 §5.5 makes the id unique per
/// NAS only).
public struct SessionKey: Sendable, Hashable {
    public var nasID: NASID
    public var sessionID: String

    public init(nasID: NASID, sessionID: String) {
        self.nasID = nasID
        self.sessionID = sessionID
    }
}
