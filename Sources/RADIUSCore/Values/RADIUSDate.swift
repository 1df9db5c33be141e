/// Conversion between RADIUS `date` values (seconds since 1970-01-01 UTC; RFC 8044 §3.3) and
/// ISO 8601 text (`2024-05-01T12:00:00Z`), without Foundation.
public enum RADIUSDate {
    /// ISO 8601 UTC text for `seconds`.
    public static func iso8601(_ seconds: UInt32) -> String {
        let days = Int64(seconds) / 86_400
        let remainder = Int64(seconds) % 86_400
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(remainder / 3600, 2)):\(pad(remainder % 3600 / 60, 2)):\(pad(remainder % 60, 2))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (or a plain number of seconds); nil when out of range.
    public static func parse(_ text: String) -> UInt32? {
        if let seconds = UInt32(text) { return seconds }
        let digits = text.split(whereSeparator: { "-T:Z ".contains($0) }).compactMap { Int64($0) }
        guard digits.count == 6, text.hasSuffix("Z") || text.count == 19 else { return nil }
        let (year, month, day, hour, minute, second) = (digits[0], digits[1], digits[2], digits[3], digits[4], digits[5])
        guard (1970...2106).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        let total = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        guard total >= 0, total <= Int64(UInt32.max) else { return nil }
        return UInt32(total)
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(fromCivil:)`.
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
