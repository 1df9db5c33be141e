/// A typed identifier: `Identifier<Subscriber>` and `Identifier<ISP>` are different types, so an
/// ISP id can never be passed where a subscriber id is expected. The raw value is a positive
/// 64-bit integer assigned by the engine (one sequence shared by all entity kinds).
public struct Identifier<Tag>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The stored integer value (also the primary key in the database).
    public let rawValue: Int64

    /// Wraps a raw database or wire value.
    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { String(rawValue) }
}

/// Identifies a tenancy (one Super Admin's domain).
public typealias TenancyID = Identifier<Tenancy>
/// Identifies an ISP (one Admin's domain) inside a tenancy.
public typealias ISPID = Identifier<ISP>
/// Identifies a login account of any role (Developer … Customer).
public typealias AccountID = Identifier<Account>
/// Identifies a subscriber (a PPP or hotspot service user).
public typealias SubscriberID = Identifier<Subscriber>
/// Identifies a bandwidth package.
public typealias PackageID = Identifier<ServicePackage>
/// Identifies a NAS / router.
public typealias NASID = Identifier<NASDevice>
/// Identifies an OLT record.
public typealias OLTID = Identifier<OLTDevice>
/// Identifies an IP pool record.
public typealias IPPoolID = Identifier<IPPool>
/// Identifies a PPP profile record.
public typealias PPPProfileID = Identifier<PPPProfile>
/// Identifies a payment or SMS gateway configuration.
public typealias GatewayID = Identifier<Gateway>
/// Identifies a price-book entry.
public typealias PriceEntryID = Identifier<PriceEntry>
/// Identifies a subscription plan.
public typealias PlanID = Identifier<SubscriptionPlan>
/// Identifies a ledger transaction.
public typealias LedgerTransactionID = Identifier<LedgerTransaction>
/// Identifies an invoice.
public typealias InvoiceID = Identifier<Invoice>
/// Identifies an audit record.
public typealias AuditID = Identifier<AuditRecord>
/// Identifies an enforcement (outbox) event.
public typealias EventID = Identifier<EnforcementEvent>
/// Identifies a sale of a package to a subscriber.
public typealias SaleID = Identifier<Sale>
