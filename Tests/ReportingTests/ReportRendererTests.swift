import Foundation
import Reporting
import Testing

/// Golden output of the three formats over the seeded database (the CLI writes exactly this).
@Suite struct ReportRendererTests {
    static let usageTable = """
        Customer  ISP        Day            Upload  Download    Total    Time
        --------  ---------  ----------  ---------  --------  -------  ------
        ali       Alpha Net  2026-01-31  953.7 MiB   1.9 GiB  2.8 GiB   2h00m
        bina      Alpha Net  2026-01-15      100 B     200 B    300 B   1h00m
        dave      Beta Net   2026-01-31    4.0 GiB    1000 B  4.0 GiB   1h00m
        eve       Beta Net   2026-01-05       50 B      60 B    110 B  10m00s
        --------  ---------  ----------  ---------  --------  -------  ------
        total                              4.9 GiB   1.9 GiB  6.8 GiB   4h10m

        """

    static let sessionsCSV = """
        customer,isp,nas,start,stop,duration,upload,download,total,cause,ip,mac\r
        dave,Beta Net,beta-edge,2026-01-31T23:00:00Z,2026-02-01T00:30:00Z,5400,4294967396,5000,4294972396,User-Request,100.64.0.2,AA:BB:CC:00:00:02\r
        ali,Alpha Net,alpha-core,2026-01-31T22:00:00+06:00,2026-02-01T02:00:00+06:00,14400,5000000000,7000000000,12000000000,User-Request,100.64.0.2,AA:BB:CC:00:00:02\r
        ghost,Alpha Net,alpha-core,2026-01-20T11:59:00+06:00,2026-01-20T12:00:00+06:00,60,10,20,30,User-Request,100.64.0.5,AA:BB:CC:00:00:05\r
        bina,Alpha Net,alpha-core,2026-01-15T10:00:00+06:00,2026-01-15T11:00:00+06:00,3600,100,200,300,Idle-Timeout,100.64.0.2,AA:BB:CC:00:00:02\r
        eve,Beta Net,beta-edge,2026-01-05T09:50:00Z,2026-01-05T10:00:00Z,600,50,60,110,Lost-Carrier,100.64.0.2,AA:BB:CC:00:00:02\r

        """

    let january = ReportFilters(from: "2026-01", to: "2026-01")

    @Test func usageTableIsAlignedWithHumanUnitsAndTotals() throws {
        let world = try ReportWorld()
        let text = ReportRenderer(format: .table).string(try world.run(.usage, january))
        #expect(text == Self.usageTable)
    }

    @Test func sessionsCSVHasExactIntegersAndLocalOffsets() throws {
        let world = try ReportWorld()
        let text = ReportRenderer(format: .csv).string(try world.run(.sessions, january))
        #expect(text == Self.sessionsCSV)
    }

    @Test func jsonIsValidWithExactIntegersAndTotals() throws {
        let world = try ReportWorld()
        let text = ReportRenderer(format: .json).string(try world.run(.nas, january))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "nas")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect((rows[0]["upload"] as? NSNumber)?.int64Value == 5_000_000_110)
        #expect((rows[1]["upload"] as? NSNumber)?.int64Value == 4_294_967_446)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect((totals["total"] as? NSNumber)?.int64Value == 16_294_972_836)
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["from"] as? String == "2026-01-01T00:00:00+06:00")
    }

    @Test func emptyReportsRenderHeadersOnly() throws {
        let world = try ReportWorld()
        let empty = try world.run(.usage, ReportFilters(from: "2025-01", to: "2025-01"))
        #expect(empty.rows.isEmpty)
        #expect(ReportRenderer(format: .csv).string(empty) == "customer,isp,day,upload,download,total,session_time\r\n")
        #expect(ReportRenderer(format: .table).string(empty).hasSuffix("(no rows)\n"))
        #expect(ReportRenderer(format: .json).string(empty).contains("\"rows\":[\n],\n\"totals\":null"))
    }

    @Test func csvQuotesTextThatNeedsIt() {
        let result = ReportResult(
            report: .usage, columns: [ReportColumn("customer", "Customer", .text)],
            rows: [[.text("a,b")], [.text("say \"hi\"")]], period: nil, generatedAt: Date(timeIntervalSince1970: 0))
        #expect(ReportRenderer(format: .csv).string(result) == "customer\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n")
    }

    @Test func progressCountsRows() {
        let rows = (0..<25).map { [ReportValue.integer(Int64($0))] }
        let result = ReportResult(report: .top, columns: [ReportColumn("n", "N", .integer, summable: true)], rows: rows,
                                  period: nil, generatedAt: Date(timeIntervalSince1970: 0))
        var renderer = ReportRenderer(format: .csv)
        renderer.progressStep = 10
        var seen: [Int] = []
        renderer.render(result, progress: { seen.append($0) }, write: { _ in })
        #expect(seen == [10, 20, 25])
    }
}

/// Exports past `ParallelRows.threshold` are rendered in two halves; the bytes are the same.
@Suite struct ParallelRenderTests {
    @Test func largeExportsKeepRowOrder() {
        let zone = TimeZone(identifier: "Asia/Dhaka") ?? .current
        let count = 150_001
        let rows = (0..<count).map { index in
            [ReportValue.integer(Int64(index)), .instant(Date(timeIntervalSince1970: Double(index) * 60), zone)]
        }
        let result = ReportResult(
            report: .sessions, columns: [ReportColumn("n", "N", .integer), ReportColumn("at", "At", .instant)], rows: rows,
            period: nil, generatedAt: Date(timeIntervalSince1970: 0))
        let lines = ReportRenderer(format: .csv).string(result).split(separator: "\r\n")
        #expect(lines.count == count + 1)
        #expect(lines[1] == "0,1970-01-01T06:00:00+06:00")
        #expect(lines[75_001] == "75000,1970-02-22T08:00:00+06:00")
        #expect(lines[count] == "150000,1970-04-15T10:00:00+06:00")
        let json = ReportRenderer(format: .json).string(result)
        #expect(json.contains("\n{\"n\":0,\"at\":\"1970-01-01T06:00:00+06:00\"},\n{\"n\":1,"))
        #expect(json.contains("{\"n\":150000,\"at\":\"1970-04-15T10:00:00+06:00\"}\n],"))
    }
}
