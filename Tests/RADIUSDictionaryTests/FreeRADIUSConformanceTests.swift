import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary
import Testing
import TestSupport

/// One case of `conformance/freeradius-radius.jsonl`, kept as JSON text so it is `Sendable`.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let id: String
    let json: String
    var testDescription: String { id }

    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]) ?? [:]
    }
}

/// The FreeRADIUS protocol unit tests (converted to neutral JSON) run against our codec: every
/// case not marked `v4_specific`, plus the must-fail cases whose only v4 note is FreeRADIUS's
/// error wording. Skipped cases and their reasons are in `Fixtures/conformance-skips.json`.
@Suite struct FreeRADIUSConformanceTests {
    static let harnessSecret = SharedSecret("testing123")

    static func loadCases() throws -> [ConformanceCase] {
        let lines = try Conformance.jsonLines("freeradius-radius.jsonl")
        return try lines.map { object in
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return ConformanceCase(id: object["id"] as? String ?? "?", json: String(decoding: data, as: UTF8.self))
        }
    }

    static let allCases: [ConformanceCase] = (try? loadCases()) ?? []

    static let skips: [String: String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/conformance-skips.json")
        guard let data = try? Data(contentsOf: url), let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return object
    }()

    static let errorTextNote = "Error text is FreeRADIUS's"
    static let enumNote = "Enumerated value names are FreeRADIUS"

    /// Cases we run: not v4-specific, or v4-specific only for wording (error text, enum names).
    static func isPortable(_ object: [String: Any]) -> Bool {
        if object["v4_specific"] as? Bool == false { return true }
        if object["needs_test_dictionary"] as? Bool == true { return false }
        let notes = object["v4_notes"] as? [String] ?? []
        return !notes.isEmpty && notes.allSatisfy { $0.hasPrefix(errorTextNote) || $0.hasPrefix(enumNote) }
    }

    static let runnable: [ConformanceCase] = allCases.filter { isPortable($0.object) && skips[$0.id] == nil }

    static let dictionary: RADIUSDictionary? = {
        var parser = DictionaryParser()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/dictionary.conformance").path
        do {
            try parser.parseFile(atPath: Conformance.dictionariesDirectory + "/dictionary")
            try parser.parseFile(atPath: fixture)
            return try parser.finish()
        } catch {
            return nil
        }
    }()

    @Test func corpusIsPresentAndLarge() throws {
        let cases = try Self.loadCases()
        #expect(cases.count == 313)
        #expect(cases.filter { $0.object["v4_specific"] as? Bool == false }.count == 214)
        #expect(Self.runnable.count >= 200)
        #expect(Self.dictionary != nil)
    }

    @Test func everySkipHasAReasonAndNamesARealCase() throws {
        let ids = Set(try Self.loadCases().map(\.id))
        for (id, reason) in Self.skips {
            #expect(ids.contains(id), "skip list names unknown case \(id)")
            #expect(reason.count > 20, "skip \(id) needs a written reason")
        }
    }

    @Test(arguments: runnable)
    func conformanceCase(_ testCase: ConformanceCase) throws {
        let object = testCase.object
        let dictionary = try #require(Self.dictionary)
        let runner = ConformanceRunner(dictionary: dictionary, object: object)
        switch (object["kind"] as? String, object["level"] as? String, object["expect"] as? String) {
        case ("decode", "attribute", "ok"): try runner.decodeAttributes()
        case ("decode", "packet", "ok"): try runner.decodePacket()
        case ("encode", "attribute", "ok"): try runner.encodeAttributes()
        case ("encode", "packet", "ok"): try runner.encodePacket()
        case ("roundtrip", _, _): try runner.roundTrip()
        case ("decode", "attribute", "error"): runner.decodeAttributesMustFail()
        case ("decode", "packet", "error"): runner.decodePacketMustFail()
        case ("encode", _, "error"): runner.encodeMustFail()
        default: Issue.record("unhandled case shape for \(testCase.id)")
        }
    }
}
