import BillingCore
import Foundation
import GRDB
import Reporting

/// The SQLite implementation of the report-query port. For the CLI it opens the database file
/// read-only (WAL readers see a consistent snapshot and never block the server's writer); in
/// the server it shares the store's pool. Every report SQL statement lives in this type's
/// files (`ReportSQLiteSource+*.swift`).
public final class ReportSQLiteSource: ReportSource {
    let pool: DatabasePool
    /// Below this many sessions in a period, session lists always walk the `started_at` index.
    let sequentialScanMinimum: Int

    /// The migration this source needs: v2 added its covering indexes and the auth counters,
    /// v5 the longest-session bound and the day-keyed usage table.
    static let requiredMigration = "v5-accounting-writes-in-place"

    /// Opens `<directory>/uplink.sqlite` read-only. Fails with `ReportError.storage` when the
    /// file is missing or its schema is older than the reports need (run `uplink migrate`).
    public convenience init(directory: String, sequentialScanMinimum: Int = 10_000) throws {
        try self.init(path: (directory as NSString).appendingPathComponent(SQLiteBillingStore.fileName),
                      sequentialScanMinimum: sequentialScanMinimum)
    }

    /// Opens the database file at `path` read-only.
    public init(path: String, sequentialScanMinimum: Int = 10_000) throws {
        self.sequentialScanMinimum = sequentialScanMinimum
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReportError(.storage, "no database at \(path)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw ReportError(.storage, "cannot open \(path) read-only: \(error)")
        }
        try checkSchema()
    }

    /// Shares the pool of a running store (the server's API): reads run as WAL readers.
    public init(store: SQLiteBillingStore) throws {
        pool = store.pool
        sequentialScanMinimum = 10_000
        try checkSchema()
    }

    private func checkSchema() throws {
        let applied = try read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        guard applied.contains(Self.requiredMigration) else {
            throw ReportError(.storage, "the database schema predates the reports; run `uplink migrate` (or restart the server)")
        }
    }

    /// A read transaction with GRDB errors translated at the boundary.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch let error as ReportError {
            throw error
        } catch let error as DatabaseError {
            throw ReportError(.storage, "SQLite \(error.resultCode): \(error.message ?? "")")
        } catch {
            throw ReportError(.storage, "\(error)")
        }
    }

    // MARK: Directory

    public func loadDirectory() throws -> ReportDirectory {
        try read { db in
            let tenancies: [Tenancy] = try SQLiteBillingStore.bodies(db, "tenancies")
            let isps: [ISP] = try SQLiteBillingStore.bodies(db, "isps")
            let labels: [RoleLabels] = try SQLiteBillingStore.bodies(db, "role_label_settings")
            let accounts = try String.fetchAll(db, sql: "SELECT body FROM accounts WHERE role != ? ORDER BY id",
                                               arguments: [Role.customer.rawValue]).map(Self.account)
            let nas = try Row.fetchAll(db, sql: "SELECT id, isp_id, name FROM nas ORDER BY id").map { row in
                ReportNAS(id: NASID(row[0]), ispID: ISPID(row[1]), name: row[2])
            }
            return ReportDirectory(tenancies: tenancies, isps: isps, accounts: accounts, nasDevices: nas, labels: labels)
        }
    }

    public func account(email: String) throws -> Account? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT body FROM accounts WHERE email = ? COLLATE NOCASE", arguments: [email])
                .map(Self.account)
        }
    }

    public func account(id: AccountID) throws -> Account? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT body FROM accounts WHERE id = ?", arguments: [id.rawValue]).map(Self.account)
        }
    }

    /// Decodes an account body and drops its password hash (reports never need it).
    private static func account(_ body: String) throws -> Account {
        var account = try JSONBody.decode(Account.self, from: body)
        account.passwordHash = ""
        return account
    }

    // MARK: Customers

    static let customerColumns = """
        s.id, s.isp_id, s.username, s.owner_id, p.name, s.status, s.expires_at, s.phone, s.deleted_at
        FROM subscribers s LEFT JOIN packages p ON p.id = s.package_id
        """

    public func customers(matching text: String) throws -> [ReportCustomer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.customerColumns) WHERE s.username = ? OR s.id = ? ORDER BY s.id",
                             arguments: [text, Int64(text) ?? -1]).map(Self.customer)
        }
    }

    public func customers(ids: Set<SubscriberID>) throws -> [SubscriberID: ReportCustomer] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            var found: [SubscriberID: ReportCustomer] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT \(Self.customerColumns) WHERE s.id IN (SELECT value FROM json_each(?))",
                arguments: [ReportSQL.jsonArray(ids.map(\.rawValue))])
            while let row = try cursor.next() {
                let customer = Self.customer(row)
                found[customer.id] = customer
            }
            return found
        }
    }

    static func customer(_ row: Row) -> ReportCustomer {
        let expires: Double? = row[6]
        let deleted: Double? = row[8]
        return ReportCustomer(
            id: SubscriberID(row[0]), ispID: ISPID(row[1]), username: row[2], ownerID: AccountID(row[3]),
            packageName: row[4], status: row[5], expiresAt: expires.map(Date.init(timeIntervalSinceReferenceDate:)),
            phone: row[7], isDeleted: deleted != nil)
    }
}
