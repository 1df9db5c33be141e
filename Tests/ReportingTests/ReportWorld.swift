import BillingCore
import BillingStoreSQLite
import Foundation
import Reporting
import Testing

/// A small data set with hand-computed totals, built through the billing engine (accounting
/// through `applyAccounting`) into a SQLite database in its own temporary directory:
///
/// - tenancy Alpha (Asia/Dhaka, +06:00, BDT): ISP "Alpha Net" with Admin, Operator `opa`,
///   Sub-Operator `suba` under it, NAS `alpha-core`; customers ali (opa), bina (suba), chan (Admin).
/// - tenancy Beta (UTC, USD): ISP "Beta Net" with Admin and Operator `opb`, NAS `beta-edge`;
///   customers dave and eve (opb).
/// - sessions crossing local midnight and the January/February month end, counters past 2³²,
///   an open session, a session of an unknown user; sales, a refund, an invoice and its
///   payment; Access-Request outcome counters.
final class ReportWorld {
    static let january = Date(timeIntervalSince1970: 1_768_003_200)  // 2026-01-10T00:00:00Z
    /// The report clock: 2026-02-05T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_770_249_600)

    let directory: URL
    let clock = ManualClock(ReportWorld.january)
    let store: SQLiteBillingStore
    let engine: BillingEngine
    var ids: [String: AccountID] = [:]
    var customers: [String: SubscriberID] = [:]
    var nas: [String: NASID] = [:]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        store = try SQLiteBillingStore(directory: directory.path)
        engine = try BillingEngine(
            store: store, clock: clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
            passwordHasher: InsecureTestPasswordHasher())
        try build()
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A read-only report source on the database file, as the CLI opens it.
    func source() throws -> ReportSQLiteSource { try ReportSQLiteSource(directory: directory.path) }

    func run(_ report: ReportName, _ filters: ReportFilters = ReportFilters(), as actor: ReportActor = .unrestricted)
        throws -> ReportResult
    {
        try ReportService(source: try source()).run(report, filters: filters, actor: actor, now: Self.now)
    }

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    struct Missing: Error {}

    func account(_ name: String) throws -> AccountID {
        guard let id = ids[name] else { throw Missing() }
        return id
    }

    func customer(_ name: String) throws -> SubscriberID {
        guard let id = customers[name] else { throw Missing() }
        return id
    }

    func device(_ name: String) throws -> NASID {
        guard let id = nas[name] else { throw Missing() }
        return id
    }

    private func new(_ name: String) -> NewAccount {
        NewAccount(email: "\(name)@example.test", password: "pw", displayName: name.capitalized)
    }

    private func build() throws {
        let developer = try engine.bootstrapDeveloper(new("dev"))
        for (name, zone, currency) in [("Alpha", "Asia/Dhaka", "BDT"), ("Beta", "UTC", "USD")] {
            let key = name.lowercased()
            let (tenancy, superAdmin) = try engine.createTenancy(
                name: name, currency: currency, timeZone: zone, superAdmin: new("super\(key)"), by: developer.id)
            let (isp, admin) = try engine.createISP(name: "\(name) Net", in: tenancy.id, admin: new("admin\(key)"),
                                                    by: superAdmin.id)
            ids["super\(key)"] = superAdmin.id
            ids["admin\(key)"] = admin.id
            let seller = try engine.createAccount(role: .operator, new("op\(key.prefix(1))"), by: admin.id)
            ids["op\(key.prefix(1))"] = seller.id
            let device = try engine.createNAS(
                NASSpec(name: key == "alpha" ? "alpha-core" : "beta-edge", address: key == "alpha" ? "10.1.0.1" : "10.2.0.1",
                        secret: "s3cret"), isp: isp.id, by: admin.id)
            nas[device.name] = device.id
            let home = try engine.createPackage(PackageSpec(name: "Home", rateLimit: "10M/10M", validity: .months(1)),
                                                isp: isp.id, by: admin.id)
            let cost: Int64 = key == "alpha" ? 400 : 800
            try engine.setPrice(package: home.id, for: .seller(seller.id), amount: cost, by: admin.id)
            try engine.setPrice(package: home.id, for: .customersOf(seller.id), amount: cost + (key == "alpha" ? 100 : 200),
                                by: seller.id)
            try engine.setPrice(package: home.id, for: .customersOf(admin.id), amount: 500, by: admin.id)
            try engine.topUp(wallet: seller.id, amount: 10_000, source: .cashReceived, idempotencyKey: "topup:\(key)",
                             by: admin.id)
            if key == "alpha" {
                let sub = try engine.createAccount(role: .subOperator, new("suba"), by: seller.id)
                ids["suba"] = sub.id
                try engine.setPrice(package: home.id, for: .seller(sub.id), amount: 450, by: seller.id)
                try engine.setPrice(package: home.id, for: .customersOf(sub.id), amount: 550, by: sub.id)
                try engine.topUp(wallet: sub.id, amount: 5_000, source: .parentWallet, idempotencyKey: "topup:suba",
                                 by: seller.id)
                try add("ali", home.id, isp.id, owner: seller.id, sell: true)
                try add("bina", home.id, isp.id, owner: sub.id, sell: true)
                try add("chan", home.id, isp.id, owner: admin.id, sell: false)
            } else {
                try add("dave", home.id, isp.id, owner: seller.id, sell: true)
                try add("eve", home.id, isp.id, owner: seller.id, sell: true)
            }
        }
        clock.set(Self.instant("2026-01-12T00:00:00Z"))
        let invoice = try engine.issueCharge(
            to: try account("opa"), kind: .addOn, amount: 300, description: "static IP add-on",
            dueAt: Self.instant("2026-01-20T00:00:00Z"), idempotencyKey: "invoice:opa", by: try account("adminalpha"))
        clock.set(Self.instant("2026-01-13T00:00:00Z"))
        try engine.payInvoice(invoice.id, idempotencyKey: "pay:opa", by: try account("opa"))
        clock.set(Self.instant("2026-01-20T00:00:00Z"))
        guard let eveSale = try engine.sales(of: try customer("eve"), by: try account("adminbeta")).first else { throw Missing() }
        try engine.refundSale(eveSale.id, idempotencyKey: "refund:eve", by: try account("adminbeta"))
        try accounting()
        try store.recordAuthOutcomes([
            AuthOutcomeCount(nasID: try device("alpha-core"), day: "2026-01-31", accepted: true, reason: "ok", count: 5),
            AuthOutcomeCount(nasID: try device("alpha-core"), day: "2026-01-31", accepted: false,
                             reason: "bad_password", count: 2),
            AuthOutcomeCount(nasID: try device("alpha-core"), day: "2026-01-31", accepted: false, reason: "expired",
                             count: 1),
            AuthOutcomeCount(nasID: try device("beta-edge"), day: "2026-02-01", accepted: true, reason: "ok", count: 3),
            AuthOutcomeCount(nasID: try device("beta-edge"), day: "2026-02-01", accepted: false,
                             reason: "unknown_user", count: 4),
        ])
        clock.set(Self.now)
    }

    private func add(_ name: String, _ package: PackageID, _ isp: ISPID, owner: AccountID, sell: Bool) throws {
        let view = try engine.createSubscriber(SubscriberSpec(username: name, password: "\(name)pw", packageID: package),
                                               isp: isp, by: owner)
        customers[name] = view.id
        if sell { try engine.renew(view.id, idempotencyKey: "sale:\(name)", by: owner) }
    }

    private func accounting() throws {
        let alpha = try device("alpha-core")
        let beta = try device("beta-edge")
        func record(_ nas: NASID, _ status: AccountingStatus, _ session: String, _ user: String, _ at: String,
                    up: UInt64 = 0, down: UInt64 = 0, time: UInt32? = nil, cause: UInt32? = nil) -> AccountingRecord {
            AccountingRecord(nasID: nas, status: status, sessionID: session, username: user, inputOctets: up,
                             outputOctets: down, sessionTime: time, framedIPAddress: "100.64.0.\(session.count)",
                             callingStationID: "AA:BB:CC:00:00:0\(session.count % 10)", terminateCause: cause,
                             eventTime: Self.instant(at))
        }
        // s1: ali, 22:00 → 02:00 local across the January/February month end, past 2^32 octets.
        try engine.applyAccounting([record(alpha, .start, "s1", "ali", "2026-01-31T22:00:00+06:00")])
        try engine.applyAccounting([record(alpha, .interimUpdate, "s1", "ali", "2026-01-31T23:30:00+06:00",
                                           up: 1_000_000_000, down: 2_000_000_000, time: 5400)])
        try engine.applyAccounting([record(alpha, .stop, "s1", "ali", "2026-02-01T02:00:00+06:00", up: 5_000_000_000,
                                           down: 7_000_000_000, time: 14_400, cause: 1)])
        // s2: bina, one hour on 15 January; ghost: a user no subscriber matches.
        try engine.applyAccounting([
            record(alpha, .start, "s2", "bina", "2026-01-15T10:00:00+06:00"),
            record(alpha, .stop, "s2", "bina", "2026-01-15T11:00:00+06:00", up: 100, down: 200, time: 3600, cause: 4),
            record(alpha, .stop, "ghost", "ghost", "2026-01-20T12:00:00+06:00", up: 10, down: 20, time: 60, cause: 1),
        ])
        // s3: ali, still online.
        try engine.applyAccounting([
            record(alpha, .start, "s3", "ali", "2026-02-04T08:00:00+06:00"),
            record(alpha, .interimUpdate, "s3", "ali", "2026-02-04T09:00:00+06:00", up: 1000, down: 3000, time: 3600),
        ])
        // s4: dave, 23:00 → 00:30 UTC across the month end; upload 2^32 + 10 then + 90.
        try engine.applyAccounting([
            record(beta, .start, "s4", "dave", "2026-01-31T23:00:00Z"),
            record(beta, .interimUpdate, "s4", "dave", "2026-01-31T23:30:00Z", up: 4_294_967_306, down: 1000, time: 1800),
        ])
        try engine.applyAccounting([record(beta, .stop, "s4", "dave", "2026-02-01T00:30:00Z", up: 4_294_967_396,
                                           down: 5000, time: 5400, cause: 1)])
        // s5: eve, a Stop only (lost Start): ten minutes on 5 January.
        try engine.applyAccounting([record(beta, .stop, "s5", "eve", "2026-01-05T10:00:00Z", up: 50, down: 60,
                                           time: 600, cause: 2)])
    }
}

/// Cells by column key, for readable expectations.
extension ReportResult {
    func column(_ key: String) -> [ReportValue] {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return [] }
        return rows.map { $0[index] }
    }

    func total(_ key: String) -> ReportValue? {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return nil }
        return totals?[index]
    }

    func texts(_ key: String) -> [String] {
        column(key).map { value in
            switch value {
            case .text(let text), .period(let text): text
            default: "\(value)"
            }
        }
    }
}
