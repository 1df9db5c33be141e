import Foundation

/// One end of a report period as typed: a local month, day or wall-clock time (read in each
/// tenancy's time zone), or an explicit instant (ISO 8601 with `Z` or an offset).
enum ReportBound: Sendable, Hashable {
    case month(year: Int, month: Int)
    case day(year: Int, month: Int, day: Int)
    case local(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    case instant(Date)

    /// Parses `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` with an optional `Z` or
    /// `±HH[:MM]` offset. Nil for anything else (including impossible dates such as 02-30).
    static func parse(_ text: String) -> ReportBound? {
        var scanner = Scanner(Array(text.trimmingCharacters(in: .whitespaces).utf8))
        guard let year = scanner.number(4), scanner.take(UInt8(ascii: "-")), let month = scanner.number(2),
            (1...12).contains(month), year >= 1970
        else { return nil }
        if scanner.atEnd { return .month(year: year, month: month) }
        guard scanner.take(UInt8(ascii: "-")), let day = scanner.number(2), day >= 1,
            day <= Self.daysIn(year: year, month: month)
        else { return nil }
        if scanner.atEnd { return .day(year: year, month: month, day: day) }
        guard scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: " ")), let hour = scanner.number(2),
            hour < 24, scanner.take(UInt8(ascii: ":")), let minute = scanner.number(2), minute < 60
        else { return nil }
        var second = 0
        if scanner.take(UInt8(ascii: ":")) {
            guard let value = scanner.number(2), value < 60 else { return nil }
            second = value
        }
        if scanner.atEnd { return .local(year: year, month: month, day: day, hour: hour, minute: minute, second: second) }
        var offset = 0
        if scanner.take(UInt8(ascii: "Z")) {
            offset = 0
        } else {
            let sign: Int
            if scanner.take(UInt8(ascii: "+")) { sign = 1 } else if scanner.take(UInt8(ascii: "-")) { sign = -1 } else {
                return nil
            }
            guard let hours = scanner.number(2), hours <= 14 else { return nil }
            var minutes = 0
            if !scanner.atEnd {
                _ = scanner.take(UInt8(ascii: ":"))
                guard let value = scanner.number(2), value < 60 else { return nil }
                minutes = value
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        calendar.timeZone = zone
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: parts).map { .instant($0) }
    }

    /// The first instant the bound covers, in `calendar`'s time zone (for `--from`).
    func start(in calendar: Calendar) -> Date? {
        switch self {
        case .month(let year, let month): calendar.date(from: DateComponents(year: year, month: month, day: 1))
        case .day(let year, let month, let day): calendar.date(from: DateComponents(year: year, month: month, day: day))
        case .local(let year, let month, let day, let hour, let minute, let second):
            calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute,
                                               second: second))
        case .instant(let date): date
        }
    }

    /// The first instant after the bound (for `--to`): a month or day is inclusive, a time exclusive.
    func end(in calendar: Calendar) -> Date? {
        switch self {
        case .month: start(in: calendar).flatMap { calendar.date(byAdding: .month, value: 1, to: $0) }
        case .day: start(in: calendar).flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
        case .local, .instant: start(in: calendar)
        }
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A tiny forward reader over ASCII bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Exactly `digits` decimal digits.
        mutating func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }
    }
}
