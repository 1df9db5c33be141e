/// An amount of money: integer minor units (cents, paisa) plus an ISO 4217 currency code. Never a
/// floating-point number.
public struct Money: Sendable, Codable, Hashable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: String) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    public var description: String { "\(minorUnits) \(currency) minor units" }

    /// The largest amount one operation may move (10¹⁵ minor units); keeps every sum of
    /// balances far from `Int64` overflow whatever the input.
    public static let maximumAmount: Int64 = 1_000_000_000_000_000

    /// Whether an input amount is within 0…`maximumAmount` (or 1… when `positive`).
    public static func isValid(_ amount: Int64, positive: Bool = true) -> Bool {
        amount <= maximumAmount && (positive ? amount > 0 : amount >= 0)
    }
}

extension Int64 {
    /// Addition that stops at the bounds instead of trapping (counters from the network).
    func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
