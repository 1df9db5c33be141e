import BillingCore
import Foundation

/// `usage` and `top`: bytes from the per-day usage roll-up, session time from the sessions'
/// online intervals split over local days.
extension ReportService {
    struct UsageSums {
        var upload: Int64 = 0
        var download: Int64 = 0
        var seconds: Int64 = 0
    }

    func usage(_ context: ReportContext) throws -> ReportResult {
        let byMonth: Bool
        switch context.filters.by?.lowercased() {
        case nil, "day": byMonth = false
        case "month": byMonth = true
        default: throw ReportError.badFilter("--by: the usage report groups by day or month")
        }
        struct Entry {
            var key: UInt64
            var customer: String
            var isp: String
            var bucket: String
            var sums: UsageAccumulator.Sums
        }
        var collected: [(buckets: TimeBuckets, sums: UsageAccumulator)] = []
        var customers: [SubscriberID: ReportCustomer] = [:]
        for window in context.windows {
            let scope = window.restrict(context.scope)
            guard !scope.isEmpty else { continue }
            let buckets = TimeBuckets(window: window, byMonth: byMonth)
            let sums = try collect(scope, window, buckets)
            let missing = Set(sums.subscribers.map(SubscriberID.init)).subtracting(customers.keys)
            customers.merge(try Self.reading { try source.customers(ids: missing) }, uniquingKeysWith: { a, _ in a })
            collected.append((buckets, sums))
        }
        let order = Self.customerOrder(customers.values, context)
        var entries: [Entry] = []
        var ispNames: [ISPID: String] = [:]
        for (buckets, sums) in collected {
            entries.reserveCapacity(entries.count + sums.subscribers.count * 4)
            // Slots come subscriber by subscriber: look each customer up once.
            var last: (subscriber: Int64, rank: Int, name: String, isp: String)? = nil
            sums.forEach { subscriber, bucket, value in
                if last?.subscriber != subscriber {
                    guard let customer = customers[SubscriberID(subscriber)], let rank = order[customer.id] else {
                        last = nil
                        return
                    }
                    let isp = ispNames[customer.ispID] ?? context.ispName(customer.ispID)
                    ispNames[customer.ispID] = isp
                    last = (subscriber, rank, customer.username, isp)
                }
                guard let current = last else { return }
                // Rank of the customer, then the bucket's start (buckets of one window are in time order).
                let time = UInt64(max(0, buckets.starts[bucket].timeIntervalSinceReferenceDate))
                entries.append(Entry(key: UInt64(current.rank) << 34 | time, customer: current.name, isp: current.isp,
                                     bucket: buckets.keys[bucket], sums: value))
            }
        }
        entries.sort { $0.key < $1.key }
        let columns = [
            ReportColumn("customer", "Customer", .text), ReportColumn("isp", "ISP", .text),
            ReportColumn(byMonth ? "month" : "day", byMonth ? "Month" : "Day", .period),
            ReportColumn("upload", "Upload", .bytes, summable: true),
            ReportColumn("download", "Download", .bytes, summable: true),
            ReportColumn("total", "Total", .bytes, summable: true),
            ReportColumn("session_time", "Time", .seconds, summable: true),
        ]
        let values: [[ReportValue]] = context.limited(entries).map { row in
            [.text(row.customer), .text(row.isp), .period(row.bucket), .bytes(row.sums.upload), .bytes(row.sums.download),
             .bytes(row.sums.upload &+ row.sums.download), .seconds(row.sums.seconds)]
        }
        return ReportResult(report: .usage, columns: columns, rows: values, period: context.periodSummary,
                            generatedAt: context.now)
    }

    func top(_ context: ReportContext) throws -> ReportResult {
        let byTime: Bool
        switch context.filters.by?.lowercased() {
        case nil, "bytes": byTime = false
        case "time": byTime = true
        default: throw ReportError.badFilter("--by: the top report ranks by bytes or time")
        }
        var totals: [SubscriberID: UsageSums] = [:]
        for window in context.windows {
            let scope = window.restrict(context.scope)
            guard !scope.isEmpty else { continue }
            try collect(scope, window, TimeBuckets(window: window, byMonth: true)).forEach { subscriber, _, value in
                totals[SubscriberID(subscriber), default: UsageSums()].upload += value.upload
                totals[SubscriberID(subscriber), default: UsageSums()].download += value.download
                totals[SubscriberID(subscriber), default: UsageSums()].seconds += value.seconds
            }
        }
        func measure(_ sums: UsageSums) -> Int64 { byTime ? sums.seconds : sums.upload &+ sums.download }
        let ranked = totals.filter { measure($0.value) > 0 }
            .sorted { measure($0.value) != measure($1.value) ? measure($0.value) > measure($1.value) : $0.key < $1.key }
            .prefix(context.limit ?? 10)
        let customers = try Self.reading { try source.customers(ids: Set(ranked.map(\.key))) }
        let columns = [
            ReportColumn("rank", "#", .integer), ReportColumn("customer", "Customer", .text),
            ReportColumn("isp", "ISP", .text), ReportColumn("upload", "Upload", .bytes, summable: true),
            ReportColumn("download", "Download", .bytes, summable: true),
            ReportColumn("total", "Total", .bytes, summable: true),
            ReportColumn("session_time", "Time", .seconds, summable: true),
        ]
        let rows: [[ReportValue]] = ranked.enumerated().map { index, entry in
            let customer = customers[entry.key]
            return [.integer(Int64(index + 1)), .text(customer?.username ?? "#\(entry.key)"),
                    .text(customer.map { context.ispName($0.ispID) } ?? ""), .bytes(entry.value.upload),
                    .bytes(entry.value.download), .bytes(entry.value.upload &+ entry.value.download),
                    .seconds(entry.value.seconds)]
        }
        return ReportResult(report: .top, columns: columns, rows: rows, period: context.periodSummary,
                            generatedAt: context.now)
    }

    /// Bytes and seconds per subscriber and bucket of one window.
    func collect(_ scope: ReportScope, _ window: ReportWindow, _ buckets: TimeBuckets) throws -> UsageAccumulator {
        let source = self.source
        // The two scans are independent: run them on two reader connections at once.
        let parts = try ForkJoin.map(2) { part -> UsageAccumulator in
            var sums = UsageAccumulator(bucketCount: buckets.keys.count)
            try Self.reading {
                if part == 0 {
                    // Rows arrive ordered by day: remember the last day's bucket.
                    var cache: (day: String, bucket: Int?) = ("", nil)
                    try source.usageDays(scope, window: window) { row in
                        guard let bucket = buckets.bucket(ofDay: row.day, cache: &cache) else { return }
                        sums.addBytes(row.subscriberID.rawValue, bucket, upload: row.upload, download: row.download)
                    }
                } else {
                    try source.sessionSpans(scope, window: window) { span in
                        buckets.split(start: span.start, seconds: span.seconds) { bucket, seconds in
                            sums.addSeconds(span.subscriberID.rawValue, bucket, seconds)
                        }
                    }
                }
            }
            return sums
        }
        var sums = parts[0]
        sums.merge(parts[1])
        return sums
    }

    /// Sort rank of each customer: ISP name, then username, then id.
    static func customerOrder(_ customers: some Sequence<ReportCustomer>, _ context: ReportContext)
        -> [SubscriberID: Int]
    {
        let ispRank = Dictionary(
            context.directory.isps.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first })
        let sorted = customers.sorted { a, b in
            let (ia, ib) = (ispRank[a.ispID] ?? Int.max, ispRank[b.ispID] ?? Int.max)
            if ia != ib { return ia < ib }
            return a.username != b.username ? a.username < b.username : a.id < b.id
        }
        return Dictionary(sorted.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
