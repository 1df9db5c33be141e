import Foundation
import RADIUSCore
import RADIUSDictionary
import Testing
import TestSupport

@Suite struct DictionaryParserTests {
    @Test func parsesAttributesVendorsValuesAndFlags() throws {
        let dictionary = try DictionaryLoader.parse("""
            # comment
            ATTRIBUTE   Test-Name       1   string
            ATTRIBUTE   Test-Int        2   integer
            ATTRIBUTE   Test-Tunnel     3   string  has_tag,encrypt=2
            ATTRIBUTE   Test-Blob       4   octets[8]
            ATTRIBUTE   Test-Long       5   octets  concat
            VALUE       Test-Int        One 1
            VALUE       Test-Int        Two 0x2
            VENDOR      Acme            9999    format=2,1
            BEGIN-VENDOR Acme
            ATTRIBUTE   Acme-Rate       300 string
            ATTRIBUTE   Acme-Secret     2   string  encrypt=1
            END-VENDOR  Acme
            ATTRIBUTE   Ext-Thing       241.7   integer64
            ATTRIBUTE   Ext-Tree        241.8   tlv
            ATTRIBUTE   Ext-Leaf        241.8.1 ipv6prefix
            VENDOR      Evs             4242
            BEGIN-VENDOR Evs format=Extended-Vendor-Specific-5
            ATTRIBUTE   Evs-Data        3   octets
            END-VENDOR  Evs
            """, file: "test.dict")
        #expect(dictionary.attribute(named: "test-name")?.oid == AttributeOID(type: 1))
        let tunnel = try #require(dictionary.attribute(named: "Test-Tunnel"))
        #expect(tunnel.hasTag && tunnel.encryption == .tunnelPassword)
        #expect(dictionary.attribute(named: "Test-Blob")?.fixedLength == 8)
        #expect(dictionary.attribute(named: "Test-Long")?.isConcatenated == true)
        #expect(dictionary.valueNumber(of: "Two", for: AttributeOID(type: 2)) == 2)
        #expect(dictionary.valueName(of: 1, for: AttributeOID(type: 2)) == "One")
        let vendor = try #require(dictionary.vendor(named: "acme"))
        #expect(vendor.typeWidth == 2 && vendor.lengthWidth == 1)
        #expect(dictionary.attribute(named: "Acme-Rate")?.oid.description == "26.9999.300")
        #expect(dictionary.attribute(named: "Acme-Secret")?.encryption == .userPassword)
        #expect(dictionary.attribute(named: "Ext-Thing")?.oid.description == "241.7")
        #expect(dictionary.attribute(named: "Ext-Leaf")?.dataType == .ipv6prefix)
        #expect(dictionary.attribute(named: "Evs-Data")?.oid.description == "245.26.4242.3")
    }

    static let badDictionaries: [(text: String, line: Int, fragment: String)] = [
        ("ATTRIBUTE A 1 string\nATTRIBUTE A 2 string", 2, "duplicate attribute name"),
        ("ATTRIBUTE A 1 string\nATTRIBUTE B 1 string", 2, "already defined"),
        ("ATTRIBUTE A 1 strnig", 1, "unknown data type"),
        ("ATTRIBUTE A 300 string", 1, "outside 1…255"),
        ("ATTRIBUTE A x string", 1, "invalid attribute number"),
        ("ATTRIBUTE A 1 string bogus_flag", 1, "unknown flag"),
        ("ATTRIBUTE A 1 ipaddr has_tag", 1, "has_tag"),
        ("\n\nFROBNICATE x", 3, "unknown keyword"),
        ("VALUE Nope X 1", 1, "unknown attribute"),
        ("ATTRIBUTE A 1 string\nVALUE A X 1", 2, "not an integer"),
        ("VENDOR V 99 format=3,1", 1, "invalid vendor format"),
        ("BEGIN-VENDOR Missing", 1, "unknown vendor"),
        ("VENDOR V 99\nBEGIN-VENDOR V\nATTRIBUTE A 1 string", 3, "without END-VENDOR"),
        ("VENDOR V 99\nEND-VENDOR V", 2, "does not match"),
        ("VENDOR V 99\nBEGIN-VENDOR V\nATTRIBUTE A 256 string\nEND-VENDOR V", 3, "does not fit"),
        ("$INCLUDE no-such-file", 1, "not found"),
        ("ATTRIBUTE A 1", 1, "ATTRIBUTE needs"),
    ]

    @Test(arguments: 0..<badDictionaries.count)
    func badLinesFailWithFileAndLine(index: Int) {
        let bad = Self.badDictionaries[index]
        do {
            _ = try DictionaryLoader.parse(bad.text, file: "bad.dict")
            Issue.record("accepted: \(bad.text)")
        } catch {
            #expect(error.file == "bad.dict")
            #expect(error.line == bad.line, "\(error)")
            #expect(error.message.contains(bad.fragment), "\(error)")
            #expect(error.description.hasPrefix("bad.dict:\(bad.line): "))
        }
    }

    @Test func includesAreRelativeAndErrorsNameTheIncludedFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "$INCLUDE sub/dictionary.one\n".write(to: directory.appendingPathComponent("dictionary"), atomically: true, encoding: .utf8)
        try "ATTRIBUTE One 1 string\n$INCLUDE dictionary.two\n".write(
            to: directory.appendingPathComponent("sub/dictionary.one"), atomically: true, encoding: .utf8)
        try "ATTRIBUTE Two 2 integer\nATTRIBUTE Broken 3 nonsense\n".write(
            to: directory.appendingPathComponent("sub/dictionary.two"), atomically: true, encoding: .utf8)
        do {
            _ = try DictionaryLoader.load(directory: directory.path)
            Issue.record("broken include accepted")
        } catch {
            #expect(error.file.hasSuffix("sub/dictionary.two"))
            #expect(error.line == 2)
        }
    }

    @Test func localDictionaryAddsVendorsAndMissingOneIsIgnored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "ATTRIBUTE User-Name 1 string\n".write(to: directory.appendingPathComponent("dictionary"), atomically: true, encoding: .utf8)
        let without = try DictionaryLoader.load(directory: directory.path)
        #expect(without.count == 1)
        try "VENDOR Local 65000\nBEGIN-VENDOR Local\nATTRIBUTE Local-Plan 1 string\nEND-VENDOR Local\n".write(
            to: directory.appendingPathComponent("dictionary.local"), atomically: true, encoding: .utf8)
        let with = try DictionaryLoader.load(directory: directory.path)
        #expect(with.attribute(named: "Local-Plan")?.oid.description == "26.65000.1")
    }

    @Test func shippedDictionariesLoadWithEveryRequiredVendor() throws {
        let dictionary = try DictionaryLoader.load(directory: Conformance.dictionariesDirectory)
        #expect(dictionary.count > 230)
        for (name, id) in [("Microsoft", 311), ("Mikrotik", 14988), ("WISPr", 14122), ("Ascend", 529), ("Redback", 2352)] {
            #expect(dictionary.vendor(id: UInt32(id))?.name == name)
        }
        let mikrotik = dictionary.attributesByOID.keys.filter { $0.count == 3 && $0[0] == 26 && $0[1] == 14988 }
        #expect(mikrotik.count == 30)
        #expect(dictionary.attribute(named: "Mikrotik-Switching-Filter")?.oid.description == "26.14988.30")
        #expect(dictionary.attribute(named: "Tunnel-Password")?.encryption == .tunnelPassword)
        #expect(dictionary.attribute(named: "EAP-Message")?.isConcatenated == true)
        #expect(dictionary.attribute(named: "Extended-Attribute-5")?.dataType == .longExtended)
        #expect(dictionary.valueNumber(of: "Interim-Update", for: AttributeOID(type: 40)) == 3)
    }
}
