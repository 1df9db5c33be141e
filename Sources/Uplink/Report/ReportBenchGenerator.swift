import BillingCore
import BillingStoreSQLite
import Foundation
import Reporting
import ServerRuntime

/// Builds the reports benchmark data set through the billing engine with a manual clock:
/// two tenancies (Asia/Dhaka) with two ISPs each, every ISP with an Admin, 10 Operators with
/// two Sub-Operators each and 5 NAS; customers activated over 25 Sep – 25 Oct 2026 and owned
/// round-robin by the sellers; renewals during October; sessions whose starts are spread over
/// 28 Sep – 3 Nov 2026 (so most fall in October and some cross its ends), each sent as one
/// Stop (or, for the last ones, an Interim-Update that leaves it open) through
/// `applyAccounting` in large batches; Access-Request outcome counters per NAS and day.
struct ReportBenchGenerator {
    static let timeZone = "Asia/Dhaka"
    static let month = "2026-10"
    static let reportNow = "2026-11-03T00:00:00+06:00"
    /// 2026-09-25T00:00:00+06:00.
    static let start = Date(timeIntervalSince1970: 1_790_272_800)
    /// Sessions start in [28 Sep, 3 Nov) local time.
    static let sessionsFrom = Date(timeIntervalSince1970: 1_790_532_000)
    static let sessionsTo = Date(timeIntervalSince1970: 1_793_642_400)

    let store: SQLiteBillingStore
    let engine: BillingEngine
    let clock = ManualClock(ReportBenchGenerator.start)
    var random: SplitMix64
    var isps: [(id: ISPID, admin: AccountID, package: PackageID, sellers: [AccountID], nas: [NASID])] = []
    var subscribers: [(id: SubscriberID, username: String, isp: Int, owner: AccountID)] = []

    init(configuration: UplinkConfiguration, seed: UInt64) throws {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        store = try SQLiteBillingStore(directory: configuration.dataDirectory)
        engine = try BillingEngine(
            store: store, clock: clock, sealer: try AESGCMSecretSealer(key: try SecretKeyFile.resolve(configuration: configuration)),
            ntHasher: NTPasswordHasher(), passwordHasher: BcryptPasswordHasher(cost: 4))
        guard engine.isEmpty else { throw BillingError(.conflict, "the bench data set needs an empty database") }
        random = SplitMix64(seed: seed)
    }

    static func padded(_ value: Int, _ width: Int, radix: Int = 10) -> String {
        let text = String(value, radix: radix, uppercase: true)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private func new(_ name: String) -> NewAccount {
        NewAccount(email: "\(name)@bench.test", password: "bench-password", displayName: name)
    }

    mutating func hierarchy() throws {
        let developer = try engine.bootstrapDeveloper(new("developer"))
        for t in 1...2 {
            let (tenancy, superAdmin) = try engine.createTenancy(
                name: "Tenancy \(t)", currency: "BDT", timeZone: Self.timeZone, superAdmin: new("super\(t)"), by: developer.id)
            for i in 1...2 {
                let key = "\(t)\(i)"
                let (isp, admin) = try engine.createISP(name: "ISP \(key)", in: tenancy.id, admin: new("admin\(key)"),
                                                        by: superAdmin.id)
                let package = try engine.createPackage(
                    PackageSpec(name: "Home", rateLimit: "20M/20M", validity: .months(1)), isp: isp.id, by: admin.id)
                try engine.setPrice(package: package.id, for: .customersOf(admin.id), amount: 100_000, by: admin.id)
                var sellers = [admin.id]
                for o in 1...10 {
                    let seller = try engine.createAccount(role: .operator, new("op\(key)-\(o)"), by: admin.id)
                    try engine.setPrice(package: package.id, for: .seller(seller.id), amount: 80_000, by: admin.id)
                    try engine.setPrice(package: package.id, for: .customersOf(seller.id), amount: 100_000, by: seller.id)
                    try engine.topUp(wallet: seller.id, amount: 5_000_000_000, source: .cashReceived,
                                     idempotencyKey: "bench:topup:\(seller.id)", by: admin.id)
                    sellers.append(seller.id)
                    for s in 1...2 {
                        let sub = try engine.createAccount(role: .subOperator, new("sub\(key)-\(o)-\(s)"), by: seller.id)
                        try engine.setPrice(package: package.id, for: .seller(sub.id), amount: 90_000, by: seller.id)
                        try engine.setPrice(package: package.id, for: .customersOf(sub.id), amount: 110_000, by: sub.id)
                        try engine.topUp(wallet: sub.id, amount: 1_000_000_000, source: .parentWallet,
                                         idempotencyKey: "bench:topup:\(sub.id)", by: seller.id)
                        sellers.append(sub.id)
                    }
                }
                var nas: [NASID] = []
                for n in 1...5 {
                    nas.append(try engine.createNAS(NASSpec(name: "nas\(key)-\(n)", address: "10.\(t).\(i).\(n)",
                                                            secret: "bench-secret"), isp: isp.id, by: admin.id).id)
                }
                isps.append((isp.id, admin.id, package.id, sellers, nas))
            }
        }
    }

    /// Customers, activated (complimentary, by the Admin) at instants spread over a month.
    mutating func customers(_ count: Int) throws {
        let progress = ProgressLine(total: count, label: "customers")
        let chunk = 5_000
        var made = 0
        while made < count {
            let size = min(chunk, count - made)
            clock.set(Self.start.addingTimeInterval(30 * 86_400 * Double(made) / Double(count)))
            var byISP: [Int: [SubscriberSpec]] = [:]
            var names: [Int: [(String, AccountID)]] = [:]
            for n in made..<(made + size) {
                let ispIndex = n % isps.count
                let sellers = isps[ispIndex].sellers
                let owner = sellers[(n / isps.count) % sellers.count]
                let name = "c" + Self.padded(n, 7)
                byISP[ispIndex, default: []].append(SubscriberSpec(username: name, password: "p\(n)",
                                                                   packageID: isps[ispIndex].package, ownerID: owner,
                                                                   phone: "+8801" + Self.padded(n, 9)))
                names[ispIndex, default: []].append((name, owner))
            }
            for (ispIndex, specs) in byISP.sorted(by: { $0.key < $1.key }) {
                let ids = try engine.createSubscribers(specs, isp: isps[ispIndex].id, activate: true, chunkSize: chunk,
                                                       by: isps[ispIndex].admin)
                for (id, (name, owner)) in zip(ids, names[ispIndex] ?? []) {
                    subscribers.append((id, name, ispIndex, owner))
                }
            }
            made += size
            progress.update(made)
        }
        progress.finish()
    }

    /// Renewals by the customers' own sellers during October.
    mutating func sales(_ count: Int) throws {
        guard count > 0 else { return }
        let progress = ProgressLine(total: count, label: "sales")
        let october = Date(timeIntervalSince1970: 1_790_791_200)  // 2026-10-01T00:00:00+06:00
        for n in 0..<count {
            let customer = subscribers[Int(random.next() % UInt64(subscribers.count))]
            clock.set(october.addingTimeInterval(31 * 86_400 * Double(n) / Double(count)))
            try engine.renew(customer.id, idempotencyKey: "bench:sale:\(n)", by: customer.owner)
            if n % 1000 == 999 { progress.update(n + 1) }
        }
        progress.finish()
    }

    /// Sessions through `applyAccounting`, `batch` records per call.
    mutating func sessions(_ count: Int, batch: Int) throws {
        let progress = ProgressLine(total: count, label: "sessions")
        let span = Self.sessionsTo.timeIntervalSince(Self.sessionsFrom)
        let open = min(5_000, count / 10)
        var records: [AccountingRecord] = []
        records.reserveCapacity(batch)
        for n in 0..<count {
            let customer = subscribers[n % subscribers.count]
            let nas = isps[customer.isp].nas[Int(random.next() % UInt64(isps[customer.isp].nas.count))]
            let isOpen = n >= count - open
            let start = isOpen
                ? Self.sessionsTo.addingTimeInterval(-86_400 + Double(random.next() % 80_000))
                : Self.sessionsFrom.addingTimeInterval(span * Double(n) / Double(count))
            let roll = random.next() % 100
            let seconds: UInt32 = roll == 0 ? UInt32(86_400 + random.next() % 172_800)
                : UInt32(300 + random.next() % (roll < 70 ? 7_200 : 72_000))
            let reported = isOpen ? UInt32(random.next() % 3_600 + 60) : seconds
            let upload = (random.next() % 400_000_000) * UInt64(reported) / 3_600
            let download = (random.next() % 3_000_000_000) * UInt64(reported) / 3_600 + (roll == 1 ? 5_000_000_000 : 0)
            records.append(AccountingRecord(
                nasID: nas, status: isOpen ? .interimUpdate : .stop, sessionID: String(n, radix: 16),
                username: customer.username, inputOctets: upload, outputOctets: download,
                inputPackets: upload / 1000, outputPackets: download / 1000, sessionTime: reported,
                framedIPAddress: "100.\(64 + customer.isp).\(n / 256 % 256).\(n % 256)",
                callingStationID: "02:00:" + [customer.isp, n >> 16 & 0xFF, n >> 8 & 0xFF, n & 0xFF]
                    .map { Self.padded($0, 2, radix: 16) }.joined(separator: ":"),
                nasPort: UInt32(n % 4096), terminateCause: isOpen ? nil : UInt32(1 + random.next() % 5),
                eventTime: start.addingTimeInterval(Double(reported))))
            if records.count == batch || n == count - 1 {
                clock.set(max(clock.now(), records.map(\.eventTime).max() ?? clock.now()))
                try engine.applyAccounting(records)
                records.removeAll(keepingCapacity: true)
                progress.update(n + 1)
            }
        }
        progress.finish()
    }

    /// Access-Request outcome counters per NAS and local day of the sessions' range.
    mutating func authOutcomes() throws {
        var counts: [Reporting.AuthOutcomeCount] = []
        let calendar = BillingCalendar(timeZone: TimeZone(identifier: Self.timeZone) ?? .current)
        var day = Self.sessionsFrom
        while day < Self.sessionsTo {
            for isp in isps {
                for nas in isp.nas {
                    let key = calendar.dayKey(day)
                    counts.append(.init(nasID: nas, day: key, accepted: true, reason: "ok",
                                        count: Int64(900 + random.next() % 200)))
                    for reason in ["bad_password", "expired", "unknown_user", "simultaneous_use_exceeded"] {
                        counts.append(.init(nasID: nas, day: key, accepted: false, reason: reason,
                                            count: Int64(random.next() % 40)))
                    }
                }
            }
            day = day.addingTimeInterval(86_400)
        }
        try store.recordAuthOutcomes(counts)
    }
}

/// A small deterministic random generator (SplitMix64) so every run builds the same data.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
