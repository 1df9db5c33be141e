import BillingCore
import Foundation
import GRDB

/// Loading what the engine keeps in memory.
extension SQLiteBillingStore {
    public func loadSnapshot() throws -> StoreSnapshot {
        try Self.mapErrors {
            try pool.read { db in
                var snapshot = StoreSnapshot()
                snapshot.tenancies = try Self.bodies(db, "tenancies")
                snapshot.isps = try Self.bodies(db, "isps")
                snapshot.accounts = try Self.bodies(db, "accounts")
                snapshot.roleLabels = try Self.bodies(db, "role_label_settings")
                snapshot.nasDevices = try Self.bodies(db, "nas")
                snapshot.olts = try Self.bodies(db, "olts")
                snapshot.pools = try Self.bodies(db, "ip_pools")
                snapshot.pppProfiles = try Self.bodies(db, "ppp_profiles")
                snapshot.gateways = try Self.bodies(db, "gateways")
                snapshot.packages = try Self.bodies(db, "packages")
                snapshot.priceEntries = try Self.bodies(db, "price_entries")
                snapshot.plans = try Self.bodies(db, "subscription_plans")
                snapshot.invoices = try Self.bodies(db, "invoices")
                snapshot.subscribers = try Self.subscribers(db)
                let open = try Row.fetchCursor(db, sql: "SELECT * FROM sessions WHERE stopped_at IS NULL")
                while let row = try open.next() { snapshot.openSessions.append(Self.session(row)) }
                for row in try Row.fetchAll(db, sql: "SELECT account, balance FROM ledger_balances") {
                    let key: String = row["account"]
                    if let account = LedgerAccountRef(key: key) { snapshot.balances[account] = row["balance"] }
                }
                let tables = ["tenancies", "isps", "accounts", "nas", "olts", "ip_pools", "ppp_profiles", "gateways",
                              "packages", "price_entries", "subscription_plans", "subscribers", "ledger_transactions",
                              "sales", "invoices", "audit_log", "enforcement_events"]
                let maxima = try tables.map { try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \($0)") ?? 0 }
                snapshot.maxID = maxima.max() ?? 0
                return snapshot
            }
        }
    }

    static func bodies<T: Decodable>(_ db: Database, _ table: String) throws -> [T] {
        try String.fetchAll(db, sql: "SELECT body FROM \(table) ORDER BY rowid").map { try JSONBody.decode(T.self, from: $0) }
    }

    private static func subscribers(_ db: Database) throws -> [Subscriber] {
        var result: [Subscriber] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM subscribers WHERE deleted_at IS NULL ORDER BY id")
        while let row = try cursor.next() {
            let credential: Data = row["sealed_credential"]
            let mac: Int64? = row["mac_binding"]
            result.append(Subscriber(
                id: SubscriberID(row["id"]), ispID: ISPID(row["isp_id"]), username: row["username"],
                sealedCredential: [UInt8](credential),
                serviceType: ServiceType(rawValue: row["service_type"]) ?? .any, packageID: PackageID(row["package_id"]),
                ownerID: AccountID(row["owner_id"]), status: SubscriberStatus(rawValue: row["status"]) ?? .disabled,
                expiresAt: date(row["expires_at"]), anchorDay: row["anchor_day"], staticIPv4: row["static_ipv4"],
                ipv6Prefix: row["ipv6_prefix"], macBinding: mac.flatMap { MACAddress(hex: UInt64(bitPattern: $0)) },
                quotaUsed: row["quota_used"], quotaPeriodStart: date(row["quota_period_start"]), fullName: row["full_name"],
                phone: row["phone"], createdBy: AccountID(row["created_by"]),
                createdAt: date(row["created_at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                updatedAt: date(row["updated_at"]) ?? Date(timeIntervalSinceReferenceDate: 0)))
        }
        return result
    }

    static func sessionRows(_ rows: [Row]) throws -> [AccountingSession] {
        rows.map(session)
    }

    static func session(_ row: Row) -> AccountingSession {
            let subscriberID: Int64? = row["subscriber_id"]
            let closeReason: String? = row["close_reason"]
            return AccountingSession(
                nasID: NASID(row["nas_id"]), sessionID: row["session_id"],
                ispID: ISPID(row["isp_id"]), subscriberID: subscriberID.map(SubscriberID.init), username: row["username"],
                startedAt: date(row["started_at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                updatedAt: date(row["updated_at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                stoppedAt: date(row["stopped_at"]), uploadBytes: row["upload_bytes"], downloadBytes: row["download_bytes"],
                inputPackets: row["input_packets"], outputPackets: row["output_packets"], sessionTime: row["session_time"],
                framedIPAddress: row["framed_ip"], framedIPv6Prefix: row["framed_ipv6_prefix"],
                callingStationID: row["calling_station_id"], nasPort: row["nas_port"], nasPortID: row["nas_port_id"],
                terminateCause: row["terminate_cause"], closeReason: closeReason.flatMap(SessionCloseReason.init(rawValue:)))
    }

    static func date(_ value: Double?) -> Date? {
        value.map { Date(timeIntervalSinceReferenceDate: $0) }
    }
}
