import BillingCore

/// Sessions started on one NAS in a window.
public struct NASTotals: Sendable, Hashable {
    public var nasID: NASID
    public var sessions: Int64
    /// Distinct subscribers (sessions of unknown usernames are not users).
    public var users: Int64
    public var upload: Int64
    public var download: Int64
    public var seconds: Int64

    public init(nasID: NASID, sessions: Int64, users: Int64, upload: Int64, download: Int64, seconds: Int64) {
        self.nasID = nasID
        self.sessions = sessions
        self.users = users
        self.upload = upload
        self.download = download
        self.seconds = seconds
    }
}
