/// Something a permission is checked against. The policy resolves it to its place in the
/// hierarchy (tenancy, ISP, owning seller).
public enum Resource: Sendable, Hashable {
    /// The installation itself (Developer-only operations).
    case global
    case tenancy(TenancyID)
    case isp(ISPID)
    case account(AccountID)
    case subscriber(SubscriberID)
    case nas(NASID)
    case package(PackageID)
    case gateway(GatewayID)
}

/// Where a resource sits in the hierarchy.
struct ResourceLocation: Sendable, Hashable {
    var tenancyID: TenancyID?
    var ispID: ISPID?
    /// The seller owning the resource (subscribers) or the account itself (accounts).
    var ownerID: AccountID?
    var subscriberID: SubscriberID?
    var isGlobal = false
}
