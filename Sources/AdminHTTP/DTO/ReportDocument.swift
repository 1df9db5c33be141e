import Foundation
import HTTPTypes
import Reporting

/// The JSON body of `GET /api/v1/reports/{name}`. The route writes it with the reports' own
/// streaming JSON writer (`ReportRenderer`, the same bytes as `uplink report … --format json`);
/// this type exists so the OpenAPI document has a schema for it and a validated example.
/// Rows are objects keyed by column key; bytes, seconds, counts and money (minor units) are exact
/// integers, instants ISO 8601 strings with the tenancy's offset, missing values `null`.
public struct ReportDocument: APIModel {
    /// The period the report covers, `[from, to)`, in the time zone of the first tenancy in scope.
    public struct Period: Codable, Sendable, Hashable {
        public var from: String
        public var to: String
        public var timeZone: String
    }

    /// One column: machine key (row member), title for people, kind of its cells.
    public struct Column: Codable, Sendable, Hashable {
        public var key: String
        public var title: String
        public var type: String
    }

    /// One cell: text, an exact integer, or null.
    public enum Cell: Codable, Sendable, Hashable {
        case null
        case text(String)
        case integer(Int64)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Int64.self) {
                self = .integer(value)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .text(let text): try container.encode(text)
            case .integer(let value): try container.encode(value)
            }
        }
    }

    public var report: String
    public var generatedAt: String
    public var period: Period?
    public var columns: [Column]
    public var rows: [[String: Cell]]
    /// Sums of the summable columns (the first column says `total`); null for an empty report.
    public var totals: [String: Cell]?

    /// The names of the reports, as in the path.
    static let names = ReportName.allCases.map(\.rawValue)

    public static let schemaName = "Report"
    public static var schema: JSONSchema {
        let cell = JSONSchema(.object([("type", .array([.string("string"), .string("integer"), .string("null")]))]))
        let kinds = ReportColumn.Kind.allCases.map(\.rawValue)
        return .object(
            [
                ("report", .enumeration(names)),
                ("generated_at", .dateTime),
                (
                    "period",
                    JSONSchema.object(
                        [("from", .dateTime), ("to", .dateTime), ("time_zone", .string(maxLength: 64))],
                        required: ["from", "to", "time_zone"]
                    ).nullable
                ),
                (
                    "columns",
                    .array(
                        .object(
                            [("key", .string(maxLength: 80)), ("title", .string()), ("type", .enumeration(kinds))],
                            required: ["key", "title", "type"]))
                ),
                ("rows", .array(.map(cell))),
                ("totals", JSONSchema.map(cell).nullable),
            ], required: ["report", "generated_at", "period", "columns", "rows", "totals"])
    }

    public static let example = ReportDocument(
        report: "usage", generatedAt: "2026-02-05T00:00:00Z",
        period: Period(from: "2026-01-01T00:00:00+06:00", to: "2026-02-01T00:00:00+06:00", timeZone: "Asia/Dhaka"),
        columns: [
            Column(key: "customer", title: "Customer", type: "text"), Column(key: "isp", title: "ISP", type: "text"),
            Column(key: "day", title: "Day", type: "period"), Column(key: "upload", title: "Upload", type: "bytes"),
            Column(key: "download", title: "Download", type: "bytes"),
            Column(key: "session_time", title: "Time", type: "seconds"),
        ],
        rows: [
            [
                "customer": .text("basic1"), "isp": .text("Demo ISP"), "day": .text("2026-01-31"),
                "upload": .integer(5_294_967_296), "download": .integer(12_000_000_000), "session_time": .integer(7_200),
            ]
        ],
        totals: [
            "customer": .text("total"), "isp": .null, "day": .null, "upload": .integer(5_294_967_296),
            "download": .integer(12_000_000_000), "session_time": .integer(7_200),
        ])
}
