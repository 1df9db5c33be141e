/// How to show an amount: ISO 4217 code and the number of minor-unit digits.
public struct ReportCurrency: Sendable, Hashable {
    public var code: String
    public var minorUnits: Int

    public init(code: String, minorUnits: Int) {
        self.code = code
        self.minorUnits = minorUnits
    }
}
