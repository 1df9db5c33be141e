import Synchronization

/// The current ``NASClientTable`` of a listener, replaceable at run time without a restart.
///
/// Reload (SIGHUP, an admin API change) builds a new immutable table and calls ``update(_:)``;
/// the socket handlers take one snapshot per read batch, so a swap costs them nothing and a
/// batch never sees half of an update.
public final class NASClientDirectory<Context: Sendable>: Sendable {
    private let table: Mutex<NASClientTable<Context>>

    /// Creates a directory holding `table`.
    public init(_ table: NASClientTable<Context> = NASClientTable()) {
        self.table = Mutex(table)
    }

    /// The table in force now.
    public var current: NASClientTable<Context> {
        table.withLock { $0 }
    }

    /// Replaces the table; requests read after this call are matched against `newTable`.
    public func update(_ newTable: NASClientTable<Context>) {
        table.withLock { $0 = newTable }
    }
}
