/// A ledger account: one pot of money of one holder. Balances are never stored as truth; they
/// are the sum of the entries posted to the account. Sign convention: positive = value the
/// holder has (funds, earnings, collected cash); negative = what it owes (receivable) or money
/// that entered the system (external).
public enum LedgerAccountRef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Prepaid funds of a seller (Operator, Sub-Operator) at its parent; may not fall below
    /// minus the account's credit limit.
    case wallet(AccountID)
    /// Earnings: sale margins of every level, charges issued to the level below.
    case income(AccountID)
    /// Retail money a seller collected from its customers directly.
    case cash(AccountID)
    /// What the holder owes upward on invoices (negative while owed).
    case receivable(AccountID)
    /// The world outside the system for a tenancy (gateway deposits, customer cash); nil for
    /// the platform (the Developer's own money).
    case external(TenancyID?)

    /// Stable storage key, e.g. `wallet:42`, `external:platform`.
    public var key: String {
        switch self {
        case .wallet(let id): "wallet:\(id)"
        case .income(let id): "income:\(id)"
        case .cash(let id): "cash:\(id)"
        case .receivable(let id): "receivable:\(id)"
        case .external(let tenancy): "external:\(tenancy.map { String($0.rawValue) } ?? "platform")"
        }
    }

    /// Parses a storage key.
    public init?(key: String) {
        let parts = key.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        if parts[0] == "external" {
            if parts[1] == "platform" { self = .external(nil); return }
            guard let raw = Int64(parts[1]) else { return nil }
            self = .external(TenancyID(raw))
            return
        }
        guard let raw = Int64(parts[1]) else { return nil }
        let id = AccountID(raw)
        switch parts[0] {
        case "wallet": self = .wallet(id)
        case "income": self = .income(id)
        case "cash": self = .cash(id)
        case "receivable": self = .receivable(id)
        default: return nil
        }
    }

    public var description: String { key }

    public init(from decoder: any Decoder) throws {
        let key = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = LedgerAccountRef(key: key) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad ledger key"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}
