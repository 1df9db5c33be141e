import Foundation

/// A subscriber (PPP client or hotspot user) of one ISP, sold and owned by a seller (Admin,
/// Operator or Sub-Operator). The RADIUS secret is kept sealed; `view` is the output model.
public struct Subscriber: Sendable, Codable, Hashable, Identifiable {
    public var id: SubscriberID
    public var ispID: ISPID
    /// Unique within the ISP; what arrives as User-Name.
    public var username: String
    /// Sealed `SubscriberCredential` (cleartext password and NT hash), see `SubscriberSecretSealer`.
    public var sealedCredential: [UInt8]
    public var serviceType: ServiceType
    public var packageID: PackageID
    /// The seller the subscriber belongs to (the legacy `reseller_id`).
    public var ownerID: AccountID
    public var status: SubscriberStatus
    /// End of the paid period; nil before the first activation.
    public var expiresAt: Date?
    /// Day of month the monthly validity keeps (31 stays at month ends: Jan 31 → Feb 29 → Mar 31).
    public var anchorDay: Int?
    public var staticIPv4: String?
    /// Delegated or framed IPv6 prefix, e.g. `2001:db8:100::/56`.
    public var ipv6Prefix: String?
    /// If set, Calling-Station-Id must match.
    public var macBinding: MACAddress?
    /// Bytes (upload + download) used in the current quota period.
    public var quotaUsed: Int64
    /// Start of the current quota period.
    public var quotaPeriodStart: Date?
    public var fullName: String?
    public var phone: String?
    public var createdBy: AccountID
    public var createdAt: Date
    public var updatedAt: Date

    /// The output model without the sealed secret.
    public var view: SubscriberView {
        SubscriberView(
            id: id, ispID: ispID, username: username, serviceType: serviceType, packageID: packageID,
            ownerID: ownerID, status: status, expiresAt: expiresAt, staticIPv4: staticIPv4,
            ipv6Prefix: ipv6Prefix, macBinding: macBinding, quotaUsed: quotaUsed,
            quotaPeriodStart: quotaPeriodStart, fullName: fullName, phone: phone,
            createdBy: createdBy, createdAt: createdAt, updatedAt: updatedAt)
    }

    /// Memberwise initialiser (storage adapters rebuild values with it).
    public init(
        id: SubscriberID,
        ispID: ISPID,
        username: String,
        sealedCredential: [UInt8],
        serviceType: ServiceType,
        packageID: PackageID,
        ownerID: AccountID,
        status: SubscriberStatus,
        expiresAt: Date?,
        anchorDay: Int?,
        staticIPv4: String?,
        ipv6Prefix: String?,
        macBinding: MACAddress?,
        quotaUsed: Int64,
        quotaPeriodStart: Date?,
        fullName: String?,
        phone: String?,
        createdBy: AccountID,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.ispID = ispID
        self.username = username
        self.sealedCredential = sealedCredential
        self.serviceType = serviceType
        self.packageID = packageID
        self.ownerID = ownerID
        self.status = status
        self.expiresAt = expiresAt
        self.anchorDay = anchorDay
        self.staticIPv4 = staticIPv4
        self.ipv6Prefix = ipv6Prefix
        self.macBinding = macBinding
        self.quotaUsed = quotaUsed
        self.quotaPeriodStart = quotaPeriodStart
        self.fullName = fullName
        self.phone = phone
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A subscriber as shown to people, APIs and the audit log: no secret material.
public struct SubscriberView: Sendable, Codable, Hashable, Identifiable {
    public var id: SubscriberID
    public var ispID: ISPID
    public var username: String
    public var serviceType: ServiceType
    public var packageID: PackageID
    public var ownerID: AccountID
    public var status: SubscriberStatus
    public var expiresAt: Date?
    public var staticIPv4: String?
    public var ipv6Prefix: String?
    public var macBinding: MACAddress?
    public var quotaUsed: Int64
    public var quotaPeriodStart: Date?
    public var fullName: String?
    public var phone: String?
    public var createdBy: AccountID
    public var createdAt: Date
    public var updatedAt: Date
}
