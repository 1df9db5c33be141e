import Foundation
import Testing

@testable import Reporting

@Suite struct ReportBoundTests {
    let dhaka: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Dhaka") ?? .current
        return calendar
    }()

    @Test func parsesMonthsDaysLocalTimesAndInstants() {
        #expect(ReportBound.parse("2026-01") == .month(year: 2026, month: 1))
        #expect(ReportBound.parse("2024-02-29") == .day(year: 2024, month: 2, day: 29))
        #expect(ReportBound.parse("2026-01-31T22:15") == .local(year: 2026, month: 1, day: 31, hour: 22, minute: 15, second: 0))
        #expect(ReportBound.parse("2026-01-31T22:15:00Z") == .instant(Date(timeIntervalSince1970: 1_769_897_700)))
        #expect(ReportBound.parse("2026-02-01T04:15:00+06:00") == .instant(Date(timeIntervalSince1970: 1_769_897_700)))
        #expect(ReportBound.parse("2026-02-01T04:15:00+0600") == .instant(Date(timeIntervalSince1970: 1_769_897_700)))
    }

    @Test func rejectsImpossibleAndMalformedDates() {
        for text in ["2026-02-29", "2026-13", "2026-1-5", "26-01-01", "2026-01-01T24:00", "2026-01-01T10:00+25:00",
                     "2026-01-01x", "", "last month"] {
            #expect(ReportBound.parse(text) == nil, "\(text)")
        }
    }

    @Test func datesAreLocalAndInclusiveAtTheEnd() {
        let day = ReportBound.day(year: 2026, month: 1, day: 31)
        #expect(day.start(in: dhaka) == Date(timeIntervalSince1970: 1_769_796_000))  // 2026-01-30T18:00:00Z
        #expect(day.end(in: dhaka) == Date(timeIntervalSince1970: 1_769_882_400))  // 2026-01-31T18:00:00Z
        let month = ReportBound.month(year: 2026, month: 2)
        #expect(month.end(in: dhaka) == Date(timeIntervalSince1970: 1_772_301_600))  // 2026-02-28T18:00:00Z
    }
}
