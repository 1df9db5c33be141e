import BillingCore
import Foundation

/// A subscriber as reports show it.
public struct ReportCustomer: Sendable, Hashable {
    public var id: SubscriberID
    public var ispID: ISPID
    public var username: String
    public var ownerID: AccountID
    public var packageName: String?
    public var status: String
    public var expiresAt: Date?
    public var phone: String?
    public var isDeleted: Bool

    public init(
        id: SubscriberID, ispID: ISPID, username: String, ownerID: AccountID, packageName: String?, status: String,
        expiresAt: Date?, phone: String?, isDeleted: Bool
    ) {
        self.id = id
        self.ispID = ispID
        self.username = username
        self.ownerID = ownerID
        self.packageName = packageName
        self.status = status
        self.expiresAt = expiresAt
        self.phone = phone
        self.isDeleted = isDeleted
    }
}
