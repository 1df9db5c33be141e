import Foundation
import Testing

/// The instant a wall-clock time `yyyy-MM-dd HH:mm` names in the time zone `zone`.
func date(_ text: String, _ zone: String) throws -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return try #require(formatter.date(from: text))
}
