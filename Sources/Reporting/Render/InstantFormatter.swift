import Foundation

/// Formats instants in a time zone quickly enough for million-row exports: the zone's offset
/// is looked up once per hour of time and cached, and the civil date is computed with integer
/// arithmetic (days-from-civil, Hinnant) instead of `Calendar` per cell.
struct InstantFormatter {
    private var offsets: [TimeZone: [Int64: Int]] = [:]

    /// `2026-01-31T23:30:00+06:00` (ISO 8601 with the zone's offset; `Z` for UTC).
    mutating func iso8601(_ date: Date, _ zone: TimeZone) -> String {
        let (local, offset) = localSeconds(date, zone)
        return civil(local, separator: "T", seconds: true) + Self.offsetText(offset)
    }

    /// The ISO 8601 form appended as bytes (exports write millions of these).
    mutating func appendISO8601(_ date: Date, _ zone: TimeZone, to buffer: inout [UInt8]) {
        let (local, offset) = localSeconds(date, zone)
        let (year, month, day, second) = Self.civil(local)
        func two(_ value: Int64) {
            buffer.append(UInt8(ascii: "0") + UInt8(value / 10 % 10))
            buffer.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        two(year / 100)
        two(year % 100)
        buffer.append(UInt8(ascii: "-"))
        two(month)
        buffer.append(UInt8(ascii: "-"))
        two(day)
        buffer.append(UInt8(ascii: "T"))
        two(second / 3600)
        buffer.append(UInt8(ascii: ":"))
        two(second % 3600 / 60)
        buffer.append(UInt8(ascii: ":"))
        two(second % 60)
        if offset == 0 {
            buffer.append(UInt8(ascii: "Z"))
        } else {
            buffer.append(UInt8(ascii: offset < 0 ? "-" : "+"))
            let magnitude = Int64(abs(offset))
            two(magnitude / 3600)
            buffer.append(UInt8(ascii: ":"))
            two(magnitude % 3600 / 60)
        }
    }

    /// `2026-01-31 23:30` for tables.
    mutating func short(_ date: Date, _ zone: TimeZone) -> String {
        civil(localSeconds(date, zone).0, separator: " ", seconds: false)
    }

    private mutating func localSeconds(_ date: Date, _ zone: TimeZone) -> (Int64, Int) {
        let unix = Int64((date.timeIntervalSince1970).rounded(.down))
        let hour = unix >= 0 ? unix / 3600 : (unix - 3599) / 3600
        let offset: Int
        if let cached = offsets[zone]?[hour] {
            offset = cached
        } else {
            offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour * 3600)))
            offsets[zone, default: [:]][hour] = offset
        }
        return (unix + Int64(offset), offset)
    }

    private func civil(_ local: Int64, separator: String, seconds: Bool) -> String {
        let (year, month, day, secondOfDay) = Self.civil(local)
        var text = "\(year)-\(HumanUnits.twoDigits(month))-\(HumanUnits.twoDigits(day))\(separator)"
        text += "\(HumanUnits.twoDigits(secondOfDay / 3600)):\(HumanUnits.twoDigits(secondOfDay % 3600 / 60))"
        if seconds { text += ":\(HumanUnits.twoDigits(secondOfDay % 60))" }
        return text
    }

    /// Year, month, day and second of day of a local epoch second.
    private static func civil(_ local: Int64) -> (Int64, Int64, Int64, Int64) {
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        // days-from-civil inverse (Howard Hinnant, public domain algorithm description).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay)
    }

    private static func offsetText(_ offset: Int) -> String {
        if offset == 0 { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = Int64(abs(offset))
        return "\(sign)\(HumanUnits.twoDigits(magnitude / 3600)):\(HumanUnits.twoDigits(magnitude % 3600 / 60))"
    }
}
