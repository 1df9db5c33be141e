/// Human forms of report values for tables: binary byte units with one decimal (`1.2 GiB`),
/// hours and minutes (`3h04m`), amounts with their minor-unit digits (`1500.00`).
public enum HumanUnits {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]

    /// `512 B`, `1.0 KiB`, `1.2 GiB`.
    public static func bytes(_ value: Int64) -> String {
        if value < 0 { return "-" + bytes(value == .min ? .max : -value) }
        if value < 1024 { return "\(value) B" }
        var scaled = Double(value)
        var unit = 0
        while scaled >= 1024, unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        var tenths = Int64((scaled * 10).rounded())
        if tenths >= 10_240, unit < units.count - 1 {
            tenths = Int64((scaled / 1024 * 10).rounded())
            unit += 1
        }
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    /// `45s`, `4m05s`, `3h04m` (hours keep counting past a day: `75h12m`).
    public static func duration(_ seconds: Int64) -> String {
        let value = max(0, seconds)
        if value < 60 { return "\(value)s" }
        if value < 3600 { return "\(value / 60)m\(twoDigits(value % 60))s" }
        return "\(value / 3600)h\(twoDigits(value % 3600 / 60))m"
    }

    /// An amount of minor units with `minorUnits` decimals: `150050, 2` → `1500.50`.
    public static func money(_ minor: Int64, minorUnits: Int) -> String {
        guard minorUnits > 0, minorUnits <= 6 else { return String(minor) }
        var divisor: Int64 = 1
        for _ in 0..<minorUnits { divisor *= 10 }
        let negative = minor < 0
        let magnitude = minor.magnitude
        let whole = magnitude / UInt64(divisor)
        let fraction = String(magnitude % UInt64(divisor))
        let padded = String(repeating: "0", count: minorUnits - fraction.count) + fraction
        return (negative ? "-" : "") + "\(whole).\(padded)"
    }

    static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
