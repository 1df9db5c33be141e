import BillingCore
import Foundation

/// The small, slowly changing part of the hierarchy a report needs to resolve filters and the
/// actor's scope: tenancies (time zone, currency), ISPs, the staff and seller accounts, NAS
/// names and role labels. Loaded once per report from the `ReportSource`; subscribers stay in
/// the database. Implements `HierarchyDirectory` so that the central `AccessPolicy` decides
/// what the actor sees (`accessibleCustomers`, `viewMoney`, `viewNAS`).
public struct ReportDirectory: Sendable {
    public var tenancies: [TenancyID: Tenancy]
    public var isps: [ISPID: ISP]
    /// Every account except Customers' portal logins (those are looked up one at a time).
    public var accounts: [AccountID: Account]
    public var nasDevices: [NASID: ReportNAS]
    public var labels: [TenancyID: RoleLabels]

    public init(
        tenancies: [Tenancy], isps: [ISP], accounts: [Account], nasDevices: [ReportNAS], labels: [RoleLabels]
    ) {
        self.tenancies = Dictionary(tenancies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.isps = Dictionary(isps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.accounts = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.nasDevices = Dictionary(nasDevices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.labels = Dictionary(labels.map { ($0.tenancyID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tenancy an ISP belongs to.
    public func tenancy(ofISP id: ISPID) -> Tenancy? {
        isps[id].flatMap { tenancies[$0.tenancyID] }
    }

    /// The time zone of the ISP's tenancy (UTC when unknown).
    public func timeZone(ofISP id: ISPID) -> TimeZone {
        tenancy(ofISP: id)?.timeZone ?? Self.utc
    }

    /// The currency of the tenancy an account belongs to.
    public func currency(ofAccount id: AccountID) -> ReportCurrency? {
        accounts[id].flatMap(\.tenancyID).flatMap { tenancies[$0] }.map {
            ReportCurrency(code: $0.currency, minorUnits: $0.minorUnits)
        }
    }

    /// The label the account's tenancy gives to its role.
    public func roleLabel(of account: Account) -> String {
        account.tenancyID.flatMap { labels[$0] }?.label(for: account.role) ?? account.role.defaultLabel
    }

    /// The Operator's Sub-Operators plus itself; a Sub-Operator alone.
    func sellerTree(_ id: AccountID) -> Set<AccountID> {
        Set([id] + subOperators(of: id))
    }

    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}

extension ReportDirectory: HierarchyDirectory {
    public func account(_ id: AccountID) -> Account? { accounts[id] }
    /// Subscribers are not part of the directory; the policy calls used by reports never need one.
    public func subscriber(_ id: SubscriberID) -> Subscriber? { nil }
    public func isp(_ id: ISPID) -> ISP? { isps[id] }
    public func tenancy(_ id: TenancyID) -> Tenancy? { tenancies[id] }
    /// NAS secrets are never loaded; NAS visibility is checked on the NAS's ISP.
    public func nas(_ id: NASID) -> NASDevice? { nil }
    public func package(_ id: PackageID) -> ServicePackage? { nil }
    public func gateway(_ id: GatewayID) -> Gateway? { nil }

    public func subOperators(of operatorID: AccountID) -> [AccountID] {
        accounts.values.filter { $0.role == .subOperator && $0.parentID == operatorID }.map(\.id)
    }

    public func isps(in tenancyID: TenancyID) -> [ISPID] {
        isps.values.filter { $0.tenancyID == tenancyID }.map(\.id)
    }
}
