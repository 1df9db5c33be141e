import Foundation

/// An OLT recorded for an ISP (inventory only; the engine does not talk to it).
public struct OLTDevice: Sendable, Codable, Hashable, Identifiable {
    public var id: OLTID
    public var ispID: ISPID
    public var name: String
    public var address: String
    public var vendor: String?
    public var model: String?
    public var notes: String?
    public var createdBy: AccountID
    public var createdAt: Date
}
