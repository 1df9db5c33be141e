/// Read access to the entities the access policy needs to place actors and resources. The
/// engine's in-memory state implements it; tests may use a plain fake.
public protocol HierarchyDirectory {
    func account(_ id: AccountID) -> Account?
    func subscriber(_ id: SubscriberID) -> Subscriber?
    func isp(_ id: ISPID) -> ISP?
    func tenancy(_ id: TenancyID) -> Tenancy?
    func nas(_ id: NASID) -> NASDevice?
    func package(_ id: PackageID) -> ServicePackage?
    func gateway(_ id: GatewayID) -> Gateway?
    /// The Sub-Operators whose parent is this Operator.
    func subOperators(of operatorID: AccountID) -> [AccountID]
    /// The ISPs of a tenancy.
    func isps(in tenancyID: TenancyID) -> [ISPID]
}
