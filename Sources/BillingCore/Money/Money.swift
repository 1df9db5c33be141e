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
}
