@testable import AdminHTTP
import Foundation
import Testing

@Suite("RFC 3339 dates and JSON body checks")
struct APIJSONTests {
    @Test(
        "accepts RFC 3339 date-times with fractions and offsets",
        arguments: [
            ("2026-01-31T23:59:59Z", 1_769_903_999.0),
            ("2026-01-31T23:59:59.5Z", 1_769_903_999.5),
            ("2026-02-01T01:59:59+02:00", 1_769_903_999.0),
            ("2026-01-31t22:59:59-01:00", 1_769_903_999.0),
        ])
    func parses(_ text: String, _ expected: Double) {
        #expect(APIJSON.parseDate(text)?.timeIntervalSince1970 == expected)
    }

    @Test(
        "refuses what is not RFC 3339",
        arguments: [
            "2026-01-31", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-31T24:00:00Z", "2026-01-31T00:00:00",
            "2026-01-31T00:00:00.Z", "2026-01-31T00:00:00+2:00", "x026-01-31T00:00:00Z", "",
        ])
    func refuses(_ text: String) {
        #expect(APIJSON.parseDate(text) == nil)
    }

    @Test("unknown members and nulls for non-nullable members are reported with their path")
    func unknownMembers() throws {
        let schema = JSONSchema.object([
            ("name", .string()), ("note", JSONSchema.string().nullable),
            ("inner", .object([("port", .integer())])),
        ]).node
        let body = try JSONValue.parse(
            Array(#"{"name":null,"note":null,"inner":{"port":1,"host":"x"},"extra":1}"#.utf8))
        #expect(body.unknownMembers(of: schema) == ["extra", "inner.host", "name"])
    }
}
