import GRDB
import GRDBSQLite

/// Runs a prepared statement with values bound straight into SQLite, for the statements of
/// every accounting record (the session and daily-usage writes). GRDB's `StatementArguments`
/// boxes each value in an existential and converts it again to bind it: about a tenth of the
/// accounting writer's time, which serialises every commit. Everything else uses GRDB's API.
struct BoundStatement {
    private let statement: Statement
    private let connection: OpaquePointer?

    init(_ statement: Statement, in db: Database) {
        self.statement = statement
        self.connection = db.sqliteConnection
    }

    /// Binds with `bind` (parameters in order, from 1) and steps the statement to its end.
    /// Returns how many rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ bind: (inout Binder) -> Void) throws -> Int {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) },
                sql: statement.sql)
        }
        return Int(sqlite3_changes(connection))
    }

    /// Binds the next parameter; nil binds NULL.
    struct Binder {
        fileprivate let handle: OpaquePointer
        private var index: CInt = 1

        fileprivate init(handle: OpaquePointer) {
            self.handle = handle
        }

        mutating func bind(_ value: Int64?) {
            if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
            index += 1
        }

        mutating func bind(_ value: Int?) {
            bind(value.map(Int64.init))
        }

        mutating func bind(_ value: Double?) {
            if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
            index += 1
        }

        mutating func bind(_ value: String?) {
            if var value {
                value.withUTF8 { text in
                    // SQLITE_TRANSIENT: SQLite copies the text before this returns.
                    _ = text.withMemoryRebound(to: CChar.self) { chars in
                        sqlite3_bind_text(
                            handle, index, chars.baseAddress, CInt(chars.count),
                            unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
                    }
                }
            } else {
                sqlite3_bind_null(handle, index)
            }
            index += 1
        }
    }
}
