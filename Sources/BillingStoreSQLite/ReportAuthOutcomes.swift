import BillingCore
import GRDB
import Reporting

/// The RADIUS server's batch write of tallied Access-Request outcomes (`AuthOutcomeTally`):
/// each count is added to its (NAS, day, outcome, reason) counter, all in one transaction.
extension SQLiteBillingStore: AuthOutcomeSink {
    public func recordAuthOutcomes(_ counts: [AuthOutcomeCount]) throws {
        guard !counts.isEmpty else { return }
        try Self.mapErrors {
            try pool.write { db in
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO auth_outcomes (nas_id, day, accepted, reason, count) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(nas_id, day, accepted, reason) DO UPDATE SET count = count + excluded.count
                    """)
                for count in counts where count.count > 0 {
                    try statement.execute(arguments: [count.nasID.rawValue, count.day, count.accepted, count.reason,
                                                      count.count])
                }
            }
        }
    }
}
