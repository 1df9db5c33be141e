import Foundation

/// An IP pool of an ISP. `name` is what `Framed-Pool` carries; the ranges document what the router
/// has configured under `/ip pool`.
public struct IPPool: Sendable, Codable, Hashable, Identifiable {
    public var id: IPPoolID
    public var ispID: ISPID
    public var name: String
    /// RouterOS-style ranges, e.g. `10.10.0.2-10.10.255.254`.
    public var ranges: String
    public var isIPv6: Bool
    public var createdBy: AccountID
    public var createdAt: Date
}
