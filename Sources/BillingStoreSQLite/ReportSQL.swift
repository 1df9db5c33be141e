import BillingCore
import Foundation
import GRDB
import Reporting

/// Builds the WHERE fragments of a `ReportScope` for the report queries. Sets travel as one
/// JSON array argument (`IN (SELECT value FROM json_each(?))`), which SQLite turns into a
/// temporary index once per statement.
struct ReportSQL {
    var conditions: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []

    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }
    var andClause: String { conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ") }
    var statementArguments: StatementArguments { StatementArguments(arguments) }

    mutating func add(_ condition: String, _ values: (any DatabaseValueConvertible)?...) {
        conditions.append(condition)
        arguments += values
    }

    /// `column IN (set)`.
    mutating func member(_ column: String, _ ids: [Int64]) {
        add("\(column) IN (SELECT value FROM json_each(?))", Self.jsonArray(ids))
    }

    /// Restrictions on subscribers (alias `alias`): ISP, owner, subscriber.
    mutating func subscriberScope(_ scope: ReportScope, alias: String) {
        if let isps = scope.ispIDs { member("\(alias).isp_id", isps.map(\.rawValue)) }
        if let owners = scope.ownerIDs { member("\(alias).owner_id", owners.map(\.rawValue)) }
        if let ids = scope.subscriberIDs { member("\(alias).id", ids.map(\.rawValue)) }
    }

    /// Restrictions on a table with a `subscriber_id` column, through a subquery on subscribers
    /// (only when the scope restricts subscribers at all).
    mutating func subscriberIDScope(_ scope: ReportScope, column: String) {
        guard scope.ispIDs != nil || scope.needsSubscriber else { return }
        var inner = ReportSQL()
        inner.subscriberScope(scope, alias: "r")
        conditions.append("\(column) IN (SELECT r.id FROM subscribers r \(inner.whereClause))")
        arguments += inner.arguments
    }

    /// Restrictions on sessions (alias `alias`): ISP and NAS on the row, owner and subscriber
    /// through the subscribers table.
    mutating func sessionScope(_ scope: ReportScope, alias: String) {
        if let isps = scope.ispIDs { member("\(alias).isp_id", isps.map(\.rawValue)) }
        if let nas = scope.nasIDs { member("\(alias).nas_id", nas.map(\.rawValue)) }
        if scope.needsSubscriber {
            var inner = ReportSQL()
            inner.subscriberScope(ReportScope(ownerIDs: scope.ownerIDs, subscriberIDs: scope.subscriberIDs), alias: "r")
            conditions.append("\(alias).subscriber_id IN (SELECT r.id FROM subscribers r \(inner.whereClause))")
            arguments += inner.arguments
        }
    }

    static func jsonArray(_ values: [Int64]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    static func seconds(_ date: Date) -> Double { date.timeIntervalSinceReferenceDate }

    static func date(_ value: Double) -> Date { Date(timeIntervalSinceReferenceDate: value) }
}
