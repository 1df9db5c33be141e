import BillingCore
import Foundation
import GRDB
import Synchronization

/// The atomic write of a change set.
extension SQLiteBillingStore {
    public func commit(_ changes: ChangeSet) throws -> CommitResult {
        // The keys go into the filter first and under its lock, so no lookup can run between
        // this write and the filter knowing its keys (a key of a failed write only costs a lookup).
        // A key new to the filter is a session the table cannot hold yet: it is inserted
        // without first trying to update it in place.
        try sessionFilter.withLock { filter throws -> CommitResult in
            let unstored = changes.sessions.map { session in
                filter?.insert(SessionKey(nasID: session.nasID, sessionID: session.sessionID)) ?? false
            }
            return try write(changes, unstored: unstored)
        }
    }

    /// - Parameter unstored: per session of `changes`, true when the table cannot hold it yet.
    private func write(_ changes: ChangeSet, unstored: [Bool]) throws -> CommitResult {
        try Self.mapErrors {
            try pool.write { db -> CommitResult in
                if let key = changes.idempotencyKey {
                    let used = try Bool.fetchOne(db, sql: """
                        SELECT EXISTS(SELECT 1 FROM ledger_transactions WHERE idempotency_key = ?)
                            OR EXISTS(SELECT 1 FROM sales WHERE idempotency_key = ?)
                        """, arguments: [key, key]) ?? false
                    if used { return .replayed }
                }
                try Self.writeConfiguration(changes, db)
                try Self.writeSubscribers(changes, db)
                try Self.writeLedger(changes, db)
                try Self.writeActivity(changes, db)
                try Self.writeSessions(changes.sessions, unstored: unstored, db)
                try Self.writeUsage(changes.usage, db)
                return .committed
            }
        }
    }

    private static func writeConfiguration(_ changes: ChangeSet, _ db: Database) throws {
        for tenancy in changes.tenancies {
            try upsert(db, "tenancies", ["id", "name", "super_admin_id"],
                       [tenancy.id.rawValue, tenancy.name, tenancy.superAdminID.rawValue], body: tenancy)
        }
        for isp in changes.isps {
            try upsert(db, "isps", ["id", "tenancy_id", "admin_id", "name"],
                       [isp.id.rawValue, isp.tenancyID.rawValue, isp.adminID.rawValue, isp.name], body: isp)
        }
        for account in changes.accounts {
            try upsert(db, "accounts", ["id", "role", "email", "tenancy_id", "isp_id", "parent_id", "created_by"],
                       [account.id.rawValue, account.role.rawValue, account.email, account.tenancyID?.rawValue,
                        account.ispID?.rawValue, account.parentID?.rawValue, account.createdBy?.rawValue], body: account)
        }
        for labels in changes.roleLabels {
            try upsert(db, "role_label_settings", ["tenant_id"], [labels.tenancyID.rawValue], body: labels,
                       key: "tenant_id")
        }
        for nas in changes.nasDevices {
            try upsert(db, "nas", ["id", "isp_id", "name", "address"],
                       [nas.id.rawValue, nas.ispID.rawValue, nas.name, nas.address], body: nas)
        }
        for id in changes.deletedNAS {
            try db.execute(sql: "DELETE FROM nas WHERE id = ?", arguments: [id.rawValue])
        }
        for id in changes.deletedPools {
            try db.execute(sql: "DELETE FROM ip_pools WHERE id = ?", arguments: [id.rawValue])
        }
        for id in changes.deletedGateways {
            try db.execute(sql: "DELETE FROM gateways WHERE id = ?", arguments: [id.rawValue])
        }
        for id in changes.deletedPlans {
            try db.execute(sql: "DELETE FROM subscription_plans WHERE id = ?", arguments: [id.rawValue])
        }
        for olt in changes.olts { try upsert(db, "olts", ["id", "isp_id"], [olt.id.rawValue, olt.ispID.rawValue], body: olt) }
        for pool in changes.pools {
            try upsert(db, "ip_pools", ["id", "isp_id"], [pool.id.rawValue, pool.ispID.rawValue], body: pool)
        }
        for profile in changes.pppProfiles {
            try upsert(db, "ppp_profiles", ["id", "isp_id"], [profile.id.rawValue, profile.ispID.rawValue], body: profile)
        }
        for gateway in changes.gateways {
            try upsert(db, "gateways", ["id", "kind"], [gateway.id.rawValue, gateway.kind.rawValue], body: gateway)
        }
        for package in changes.packages {
            try upsert(db, "packages", ["id", "isp_id", "name"], [package.id.rawValue, package.ispID.rawValue, package.name],
                       body: package)
        }
        for entry in changes.priceEntries {
            try upsert(db, "price_entries", ["id", "isp_id", "package_id", "effective_from"],
                       [entry.id.rawValue, entry.ispID.rawValue, entry.packageID.rawValue,
                        entry.effectiveFrom.timeIntervalSinceReferenceDate], body: entry)
        }
        for plan in changes.plans {
            try upsert(db, "subscription_plans", ["id", "tenancy_id"], [plan.id.rawValue, plan.tenancyID?.rawValue],
                       body: plan)
        }
        for invoice in changes.invoices {
            try upsert(db, "invoices", ["id", "issuer_id", "payer_id", "status", "due_at"],
                       [invoice.id.rawValue, invoice.issuerID.rawValue, invoice.payerID.rawValue, invoice.status.rawValue,
                        invoice.dueAt.timeIntervalSinceReferenceDate], body: invoice)
        }
    }

    private static func writeSubscribers(_ changes: ChangeSet, _ db: Database) throws {
        guard !changes.subscribers.isEmpty || !changes.deletedSubscribers.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO subscribers (id, isp_id, username, sealed_credential, service_type, package_id, owner_id,
                status, expires_at, anchor_day, static_ipv4, ipv6_prefix, mac_binding, quota_used, quota_period_start,
                full_name, phone, created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET isp_id = excluded.isp_id, username = excluded.username,
                sealed_credential = excluded.sealed_credential, service_type = excluded.service_type,
                package_id = excluded.package_id, owner_id = excluded.owner_id, status = excluded.status,
                expires_at = excluded.expires_at, anchor_day = excluded.anchor_day, static_ipv4 = excluded.static_ipv4,
                ipv6_prefix = excluded.ipv6_prefix, mac_binding = excluded.mac_binding, quota_used = excluded.quota_used,
                quota_period_start = excluded.quota_period_start, full_name = excluded.full_name, phone = excluded.phone,
                updated_at = excluded.updated_at
            """)
        for s in changes.subscribers {
            let values: [(any DatabaseValueConvertible)?] = [
                s.id.rawValue, s.ispID.rawValue, s.username, Data(s.sealedCredential), s.serviceType.rawValue,
                s.packageID.rawValue, s.ownerID.rawValue, s.status.rawValue, s.expiresAt?.timeIntervalSinceReferenceDate,
                s.anchorDay, s.staticIPv4, s.ipv6Prefix, s.macBinding.map { Int64(bitPattern: $0.value) }, s.quotaUsed,
                s.quotaPeriodStart?.timeIntervalSinceReferenceDate, s.fullName, s.phone, s.createdBy.rawValue,
                s.createdAt.timeIntervalSinceReferenceDate, s.updatedAt.timeIntervalSinceReferenceDate,
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
        for id in changes.deletedSubscribers {
            try db.execute(sql: "UPDATE subscribers SET deleted_at = updated_at WHERE id = ?", arguments: [id.rawValue])
        }
    }

    private static func writeLedger(_ changes: ChangeSet, _ db: Database) throws {
        for transaction in changes.ledgerTransactions {
            guard transaction.isBalanced else { throw BillingError(.unbalanced, "transaction does not balance") }
            try db.execute(sql: """
                INSERT INTO ledger_transactions (id, idempotency_key, kind, currency, posted_at, actor_id, memo, reverses_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [transaction.id.rawValue, transaction.idempotencyKey, transaction.kind.rawValue,
                                 transaction.currency, transaction.postedAt.timeIntervalSinceReferenceDate,
                                 transaction.actorID?.rawValue, transaction.memo, transaction.reversesID?.rawValue])
            for (position, entry) in transaction.entries.enumerated() {
                try db.execute(sql: "INSERT INTO ledger_entries (transaction_id, position, account, amount) VALUES (?, ?, ?, ?)",
                               arguments: [transaction.id.rawValue, position, entry.account.key, entry.amount])
                try db.execute(sql: """
                    INSERT INTO ledger_balances (account, balance) VALUES (?, ?)
                    ON CONFLICT(account) DO UPDATE SET balance = balance + excluded.balance
                    """, arguments: [entry.account.key, entry.amount])
            }
        }
        // The floor check runs inside the write transaction: no concurrent writer can interleave.
        for (account, floor) in changes.balanceFloors {
            let balance = try Int64.fetchOne(db, sql: "SELECT balance FROM ledger_balances WHERE account = ?",
                                             arguments: [account.key]) ?? 0
            if balance < floor {
                throw BillingError(.insufficientFunds, "\(account) would fall below its credit limit")
            }
        }
        for sale in changes.sales {
            try upsert(db, "sales", ["id", "idempotency_key", "subscriber_id", "seller_id", "sold_at", "transaction_id"],
                       [sale.id.rawValue, sale.idempotencyKey, sale.subscriberID.rawValue, sale.sellerID.rawValue,
                        sale.soldAt.timeIntervalSinceReferenceDate, sale.transactionID?.rawValue], body: sale)
            for level in sale.levels {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO commissions (sale_id, reseller_id, role, cost, price, amount)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [sale.id.rawValue, level.accountID.rawValue, level.role.rawValue, level.cost,
                                     level.price, level.margin])
            }
        }
    }

    private static func writeActivity(_ changes: ChangeSet, _ db: Database) throws {
        if !changes.audit.isEmpty {
            let statement = try db.cachedStatement(sql: """
                INSERT INTO audit_log (id, at, actor_id, action, entity_kind, entity_id, tenancy_id, isp_id,
                    before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for record in changes.audit {
                try statement.execute(arguments: [
                    record.id.rawValue, record.at.timeIntervalSinceReferenceDate, record.actorID?.rawValue, record.action,
                    record.entityKind, record.entityID, record.tenancyID?.rawValue, record.ispID?.rawValue, record.before,
                    record.after,
                ])
            }
        }
        for event in changes.events {
            try db.execute(sql: """
                INSERT INTO enforcement_events (id, created_at, subscriber_id, isp_id, username, trigger, action)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [event.id.rawValue, event.createdAt.timeIntervalSinceReferenceDate,
                                 event.subscriberID.rawValue, event.ispID.rawValue, event.username,
                                 event.trigger.rawValue, event.action.rawValue])
        }
    }

    /// Writes accounting sessions. A stored session that is and stays open (every
    /// Interim-Update) is changed in place: only its counters and times, so SQLite leaves alone
    /// the indexes over the columns that do not change (`sessions_open` over `stopped_at`,
    /// `sessions_subscriber`). Anything else, or an open session that is not stored open,
    /// takes the full upsert. Who, where and when a session started are fixed by its first
    /// record (the engine never changes them), so the upsert's update does not name them either.
    /// The longest session time goes into `session_time_bound` for the reports.
    private static func writeSessions(_ sessions: [AccountingSession], unstored: [Bool], _ db: Database) throws {
        guard !sessions.isEmpty else { return }
        let running = BoundStatement(try db.cachedStatement(sql: """
            UPDATE sessions SET updated_at = ?, upload_bytes = ?, download_bytes = ?, input_packets = ?,
                output_packets = ?, session_time = ?, framed_ip = ?, framed_ipv6_prefix = ?
            WHERE nas_id = ? AND session_id = ? AND stopped_at IS NULL
            """), in: db)
        let upsert = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO sessions (nas_id, session_id, unique_id, isp_id, subscriber_id, username, started_at,
                updated_at, stopped_at, upload_bytes, download_bytes, input_packets, output_packets, session_time,
                framed_ip, framed_ipv6_prefix, calling_station_id, nas_port, nas_port_id, terminate_cause, close_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(nas_id, session_id) DO UPDATE SET updated_at = excluded.updated_at,
                stopped_at = excluded.stopped_at,
                upload_bytes = excluded.upload_bytes, download_bytes = excluded.download_bytes,
                input_packets = excluded.input_packets, output_packets = excluded.output_packets,
                session_time = excluded.session_time, framed_ip = excluded.framed_ip,
                framed_ipv6_prefix = excluded.framed_ipv6_prefix, terminate_cause = excluded.terminate_cause,
                close_reason = excluded.close_reason
            """), in: db)
        var longest: Int64 = 0
        for (s, unstored) in zip(sessions, unstored) {
            longest = max(longest, s.sessionTime)
            if s.stoppedAt == nil, !unstored {
                let changed = try running.execute { row in
                    row.bind(s.updatedAt.timeIntervalSinceReferenceDate)
                    row.bind(s.uploadBytes)
                    row.bind(s.downloadBytes)
                    row.bind(s.inputPackets)
                    row.bind(s.outputPackets)
                    row.bind(s.sessionTime)
                    row.bind(s.framedIPAddress)
                    row.bind(s.framedIPv6Prefix)
                    row.bind(s.nasID.rawValue)
                    row.bind(s.sessionID)
                }
                if changed > 0 { continue }
            }
            try upsert.execute { row in
                row.bind(s.nasID.rawValue)
                row.bind(s.sessionID)
                row.bind(s.uniqueID)
                row.bind(s.ispID.rawValue)
                row.bind(s.subscriberID?.rawValue)
                row.bind(s.username)
                row.bind(s.startedAt.timeIntervalSinceReferenceDate)
                row.bind(s.updatedAt.timeIntervalSinceReferenceDate)
                row.bind(s.stoppedAt?.timeIntervalSinceReferenceDate)
                row.bind(s.uploadBytes)
                row.bind(s.downloadBytes)
                row.bind(s.inputPackets)
                row.bind(s.outputPackets)
                row.bind(s.sessionTime)
                row.bind(s.framedIPAddress)
                row.bind(s.framedIPv6Prefix)
                row.bind(s.callingStationID)
                row.bind(s.nasPort)
                row.bind(s.nasPortID)
                row.bind(s.terminateCause)
                row.bind(s.closeReason?.rawValue)
            }
        }
        try db.execute(sql: "UPDATE session_time_bound SET longest = ? WHERE longest < ?", arguments: [longest, longest])
    }

    /// Adds usage increments to their days: in place when the day's row exists (the usual case),
    /// inserted otherwise.
    private static func writeUsage(_ usage: [UsageDay], _ db: Database) throws {
        guard !usage.isEmpty else { return }
        let add = BoundStatement(try db.cachedStatement(sql: """
            UPDATE usage_days SET upload_bytes = MIN(upload_bytes + ?, 9223372036854775807),
                download_bytes = MIN(download_bytes + ?, 9223372036854775807)
            WHERE day = ? AND subscriber_id = ?
            """), in: db)
        let insert = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO usage_days (day, subscriber_id, upload_bytes, download_bytes) VALUES (?, ?, ?, ?)
            """), in: db)
        for day in usage {
            let changed = try add.execute { row in
                row.bind(day.uploadBytes)
                row.bind(day.downloadBytes)
                row.bind(day.day)
                row.bind(day.subscriberID.rawValue)
            }
            if changed > 0 { continue }
            try insert.execute { row in
                row.bind(day.day)
                row.bind(day.subscriberID.rawValue)
                row.bind(day.uploadBytes)
                row.bind(day.downloadBytes)
            }
        }
    }

    /// `INSERT … ON CONFLICT(key) DO UPDATE` of key columns plus a JSON `body`.
    private static func upsert(
        _ db: Database, _ table: String, _ columns: [String], _ values: [(any DatabaseValueConvertible)?],
        body: some Encodable, key: String = "id"
    ) throws {
        let all = columns + ["body"]
        let updates = all.filter { $0 != key }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(all.map { _ in "?" }.joined(separator: ", "))) "
            + "ON CONFLICT(\(key)) DO UPDATE SET \(updates)"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values + [try JSONBody.encode(body)]))
    }
}
