import BillingCore

/// A NAS as reports show it: no address, no secrets.
public struct ReportNAS: Sendable, Hashable {
    public var id: NASID
    public var ispID: ISPID
    public var name: String

    public init(id: NASID, ispID: ISPID, name: String) {
        self.id = id
        self.ispID = ispID
        self.name = name
    }
}
