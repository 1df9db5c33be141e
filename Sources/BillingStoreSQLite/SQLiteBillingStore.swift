public import BillingCore
import Foundation
import GRDB
import Synchronization

/// The SQLite adapter of `BillingStore` (GRDB 7 over the system libsqlite3): one database file
/// under the data directory, WAL through a `DatabasePool` (concurrent reads, serialised writes),
/// foreign keys on, versioned SQL migrations run on open and by `migrate()`. Every SQL statement
/// of the billing engine lives in this target. Instants are stored as REAL seconds since the
/// Foundation reference date (2001-01-01 UTC) so that they round-trip exactly; add 978307200 for
/// Unix time in ad-hoc SQL.
public final class SQLiteBillingStore: BillingStore {
    /// The database file name inside the data directory.
    public static let fileName = "uplink.sqlite"

    let pool: DatabasePool
    /// Path of the database file.
    public let path: String
    /// The keys the sessions table may hold, built at the first accounting lookup (see
    /// `SessionKeyFilter`); the lock also orders its rebuilds with the commits that add keys.
    /// Sessions are written only through `commit`, so the filter never misses one.
    let sessionFilter = Mutex<SessionKeyFilter?>(nil)
    /// The smallest filter built (tests make it tiny to exercise rebuilds).
    let sessionFilterMinimumCapacity: Int
    /// Session keys that passed the filter and were looked up in the database.
    let sessionKeysQueried = Atomic<Int>(0)

    /// How hard a commit waits for the disk.
    public enum Durability: String, Sendable {
        /// `synchronous=FULL`: every commit is fsynced before it returns; survives power loss.
        case full
        /// `synchronous=NORMAL`: WAL is fsynced at checkpoints; a commit survives a process crash
        /// but the last ones may be lost on power loss. Several times faster per commit.
        case normal
    }

    /// Opens (creating if needed) `<directory>/uplink.sqlite` and migrates it.
    public convenience init(directory: String, durability: Durability = .full) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw BillingError(.storage, "cannot create data directory \(directory)")
        }
        try self.init(path: (directory as NSString).appendingPathComponent(Self.fileName), durability: durability)
    }

    /// Opens (creating if needed) the database file at `path` and migrates it.
    public init(path: String, durability: Durability = .full, sessionFilterMinimumCapacity: Int = 1 << 20) throws {
        self.sessionFilterMinimumCapacity = sessionFilterMinimumCapacity
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        // Few readers and a bounded page cache: the engine keeps its hot state in memory, so the
        // database is read by reports only (memory budget: 250 MB with 100,000 subscribers).
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -4000")
            try db.execute(sql: durability == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
        }
        self.path = path
        pool = try Self.mapErrors { try DatabasePool(path: path, configuration: configuration) }
        // GRDB sets `synchronous = NORMAL` on the writer when it turns WAL on, after
        // `prepareDatabase`; the writer is the connection that commits, so set it again there.
        try Self.mapErrors {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: durability == .full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
            }
        }
        try migrate()
    }

    /// Applies every migration not yet applied (idempotent).
    public func migrate() throws {
        var migrator = DatabaseMigrator()
        for migration in SQLiteSchema.migrations {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        try Self.mapErrors { try migrator.migrate(pool) }
    }

    /// The identifiers of the migrations applied to the database, in order.
    public func appliedMigrations() throws -> [String] {
        try Self.mapErrors {
            try pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        }
    }

    /// Writes a consistent copy of the live database to `path` with the SQLite online backup API.
    public func backup(to destination: String) throws {
        try Self.mapErrors {
            let target = try DatabaseQueue(path: destination)
            try pool.backup(to: target)
            try target.close()
        }
    }

    /// Runs `body` and translates GRDB errors to `BillingError` at the boundary.
    static func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BillingError {
            throw error
        } catch let error as DatabaseError {
            if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw BillingError(.conflict, "unique constraint: \(error.message ?? "")")
            }
            throw BillingError(.storage, "SQLite \(error.resultCode): \(error.message ?? "")")
        } catch {
            throw BillingError(.storage, "\(error)")
        }
    }
}
