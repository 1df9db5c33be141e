import Foundation

/// A PPP profile of an ISP; its name is what `Mikrotik-Group` selects on the router.
public struct PPPProfile: Sendable, Codable, Hashable, Identifiable {
    public var id: PPPProfileID
    public var ispID: ISPID
    public var name: String
    public var localAddress: String?
    public var remotePool: String?
    public var createdBy: AccountID
    public var createdAt: Date
}
