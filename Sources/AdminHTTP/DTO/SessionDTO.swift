import BillingCore
import Foundation
import HTTPTypes

/// An accounting session, open or closed, with its usage.
public struct SessionDTO: APIModel {
    public var nasId: Int64
    public var sessionId: String
    public var ispId: Int64
    public var customerId: Int64?
    public var username: String
    public var startedAt: Date
    public var updatedAt: Date
    public var stoppedAt: Date?
    public var open: Bool
    public var uploadBytes: Int64
    public var downloadBytes: Int64
    public var sessionTime: Int64
    public var framedIpAddress: String?
    public var callingStationId: String?
    public var terminateCause: Int?
    public var closeReason: String?

    public static let schemaName = "Session"
    public static let schema = JSONSchema.object(
        [
            ("nas_id", .id), ("session_id", .string()), ("isp_id", .id), ("customer_id", JSONSchema.id.nullable),
            ("username", .string()), ("started_at", .dateTime), ("updated_at", .dateTime),
            ("stopped_at", JSONSchema.dateTime.nullable), ("open", .boolean), ("upload_bytes", .integer(minimum: 0)),
            ("download_bytes", .integer(minimum: 0)), ("session_time", .integer(minimum: 0)),
            ("framed_ip_address", JSONSchema.string().nullable), ("calling_station_id", JSONSchema.string().nullable),
            ("terminate_cause", JSONSchema.integer().nullable), ("close_reason", JSONSchema.string().nullable),
        ],
        required: [
            "nas_id", "session_id", "isp_id", "username", "started_at", "updated_at", "open", "upload_bytes",
            "download_bytes", "session_time",
        ])
    public static let example = SessionDTO(
        nasId: 11, sessionId: "81a00003", ispId: 5, customerId: 40, username: "customer1", startedAt: exampleDate,
        updatedAt: exampleDate, stoppedAt: nil, open: true, uploadBytes: 1_000, downloadBytes: 5_000, sessionTime: 60,
        framedIpAddress: "10.10.0.7", callingStationId: "AA:BB:CC:DD:EE:FF", terminateCause: nil, closeReason: nil)
}

extension SessionDTO {
    init(_ session: AccountingSession) {
        nasId = session.nasID.rawValue
        sessionId = session.sessionID
        ispId = session.ispID.rawValue
        customerId = session.subscriberID?.rawValue
        username = session.username
        startedAt = session.startedAt
        updatedAt = session.updatedAt
        stoppedAt = session.stoppedAt
        open = session.isOpen
        uploadBytes = session.uploadBytes
        downloadBytes = session.downloadBytes
        sessionTime = session.sessionTime
        framedIpAddress = session.framedIPAddress
        callingStationId = session.callingStationID
        terminateCause = session.terminateCause
        closeReason = session.closeReason?.rawValue
    }
}

/// Usage of one customer on one day (tenancy time zone).
public struct UsageDTO: APIModel {
    public var customerId: Int64
    public var day: String
    public var uploadBytes: Int64
    public var downloadBytes: Int64

    public static let schemaName = "UsageDay"
    public static let schema = JSONSchema.object(
        [
            ("customer_id", .id), ("day", .string(format: "date")), ("upload_bytes", .integer(minimum: 0)),
            ("download_bytes", .integer(minimum: 0)),
        ], required: ["customer_id", "day", "upload_bytes", "download_bytes"])
    public static let example = UsageDTO(customerId: 40, day: "2026-11-20", uploadBytes: 1_000, downloadBytes: 9_000)
}

extension UsageDTO {
    init(_ day: UsageDay) {
        customerId = day.subscriberID.rawValue
        self.day = day.day
        uploadBytes = day.uploadBytes
        downloadBytes = day.downloadBytes
    }
}

/// One audit line: who did what to which entity, with JSON images of the public models.
public struct AuditDTO: APIModel {
    public var id: Int64
    public var at: Date
    public var actorId: Int64?
    public var action: String
    public var entityKind: String
    public var entityId: Int64
    public var tenancyId: Int64?
    public var ispId: Int64?
    public var before: String?
    public var after: String?

    public static let schemaName = "AuditRecord"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("at", .dateTime), ("actor_id", JSONSchema.id.nullable), ("action", .string()),
            ("entity_kind", .string()), ("entity_id", .integer()), ("tenancy_id", JSONSchema.id.nullable),
            ("isp_id", JSONSchema.id.nullable), ("before", JSONSchema.string().nullable),
            ("after", JSONSchema.string().nullable),
        ], required: ["id", "at", "action", "entity_kind", "entity_id"])
    public static let example = AuditDTO(
        id: 60, at: exampleDate, actorId: 8, action: "subscriber.suspend",
        entityKind: "subscriber", entityId: 40, tenancyId: nil, ispId: 5,
        before: "{\"status\":\"active\"}", after: "{\"status\":\"suspended\"}")
}

extension AuditDTO {
    init(_ record: AuditRecord) {
        id = record.id.rawValue
        at = record.at
        actorId = record.actorID?.rawValue
        action = record.action
        entityKind = record.entityKind
        entityId = record.entityID
        tenancyId = record.tenancyID?.rawValue
        ispId = record.ispID?.rawValue
        before = record.before
        after = record.after
    }
}
