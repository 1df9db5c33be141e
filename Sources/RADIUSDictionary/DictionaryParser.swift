import Foundation
import RADIUSCore

/// Parses FreeRADIUS v3-format dictionary text into a `RADIUSDictionary`.
///
/// Supported: `ATTRIBUTE name number type [flags|vendor]`, `VALUE attribute name number`,
/// `VENDOR name number [format=t,l[,c]]`, `BEGIN-VENDOR name [format=Extended-Vendor-Specific-N]`
/// / `END-VENDOR`, `BEGIN-TLV name` / `END-TLV`, `$INCLUDE file` (relative to the including
/// file; `$INCLUDE-` ignores a missing file), flags `encrypt=1|2|3`, `has_tag`, `concat`, and
/// the data types of `RADIUSDataType` including `octets[N]`. Numbers may be dotted OIDs
/// (`241.1`, `26.9.1`, `1.2` inside a vendor block) as FreeRADIUS v3 writes RFC 6929 attributes.
/// Every error carries `file:line`.
public struct DictionaryParser {
    var attributes: [AttributeOID: AttributeDefinition] = [:]
    var vendors: [UInt32: VendorDefinition] = [:]
    var names: [(String, AttributeOID)] = []
    var nameIndex: [String: AttributeOID] = [:]
    var pendingValues: [(attribute: String, name: String, number: UInt64, file: String, line: Int)] = []
    var includeDepth = 0
    static let maxIncludeDepth = 16

    /// Per-file block state.
    struct Context {
        var file: String
        var vendor: VendorDefinition?
        var evsParent: UInt32?
        var tlvStack: [AttributeOID] = []
    }

    public init() {}

    /// Parses one file (and what it includes).
    public mutating func parseFile(atPath path: String) throws(DictionaryError) {
        guard includeDepth < Self.maxIncludeDepth else {
            throw DictionaryError(file: path, line: 0, message: "$INCLUDE nested more than \(Self.maxIncludeDepth) levels")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw DictionaryError(file: path, line: 0, message: "cannot read file")
        }
        try parse(text: text, file: path)
    }

    /// Parses dictionary text; `file` is used for error locations and relative includes.
    public mutating func parse(text: String, file: String) throws(DictionaryError) {
        var context = Context(file: file)
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let keyword = fields.first else { continue }
            func fail(_ message: String) -> DictionaryError { DictionaryError(file: file, line: lineNumber, message: message) }
            switch keyword.uppercased() {
            case "ATTRIBUTE":
                try parseAttribute(fields, context: context, fail: fail)
            case "VALUE":
                guard fields.count == 4 else { throw fail("VALUE needs: VALUE attribute-name value-name number") }
                guard let number = Self.parseNumber(fields[3]) else { throw fail("invalid VALUE number '\(fields[3])'") }
                pendingValues.append((fields[1], fields[2], number, file, lineNumber))
            case "VENDOR":
                try parseVendor(fields, fail: fail)
            case "BEGIN-VENDOR":
                guard fields.count >= 2, fields.count <= 3 else { throw fail("BEGIN-VENDOR needs a vendor name") }
                guard context.vendor == nil else { throw fail("BEGIN-VENDOR inside another vendor block") }
                guard let vendor = vendorNamed(fields[1]) else { throw fail("unknown vendor '\(fields[1])'") }
                context.vendor = vendor
                context.evsParent = nil
                if fields.count == 3 {
                    let option = fields[2]
                    let prefix = "format=Extended-Vendor-Specific-"
                    guard option.hasPrefix(prefix), let index = UInt32(option.dropFirst(prefix.count)), (1...6).contains(index)
                    else { throw fail("unknown BEGIN-VENDOR option '\(option)'") }
                    context.evsParent = 240 + index
                }
            case "END-VENDOR":
                guard fields.count == 2 else { throw fail("END-VENDOR needs a vendor name") }
                guard let vendor = context.vendor, vendor.name.lowercased() == fields[1].lowercased() else {
                    throw fail("END-VENDOR '\(fields[1])' does not match the open BEGIN-VENDOR")
                }
                context.vendor = nil
                context.evsParent = nil
            case "BEGIN-TLV":
                guard fields.count == 2, let oid = nameIndex[fields[1].lowercased()], attributes[oid]?.dataType == .tlv
                else { throw fail("BEGIN-TLV needs the name of a tlv attribute") }
                context.tlvStack.append(oid)
            case "END-TLV":
                guard fields.count == 2, context.tlvStack.popLast() != nil else { throw fail("END-TLV without BEGIN-TLV") }
            case "$INCLUDE", "$INCLUDE-":
                guard fields.count == 2 else { throw fail("$INCLUDE needs one file name") }
                let path = fields[1].hasPrefix("/")
                    ? fields[1] : (URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(fields[1]).path)
                if keyword.uppercased() == "$INCLUDE-", !FileManager.default.fileExists(atPath: path) { continue }
                guard FileManager.default.fileExists(atPath: path) else { throw fail("included file '\(fields[1])' not found") }
                includeDepth += 1
                defer { includeDepth -= 1 }
                try parseFile(atPath: path)
            default:
                throw fail("unknown keyword '\(keyword)'")
            }
        }
        if let vendor = context.vendor {
            throw DictionaryError(file: file, line: lineNumber, message: "BEGIN-VENDOR \(vendor.name) without END-VENDOR")
        }
        if !context.tlvStack.isEmpty {
            throw DictionaryError(file: file, line: lineNumber, message: "BEGIN-TLV without END-TLV")
        }
    }

    /// Resolves VALUE lines and builds the registry.
    public mutating func finish() throws(DictionaryError) -> RADIUSDictionary {
        for pending in pendingValues {
            guard let oid = nameIndex[pending.attribute.lowercased()], var definition = attributes[oid] else {
                throw DictionaryError(
                    file: pending.file, line: pending.line, message: "VALUE for unknown attribute '\(pending.attribute)'")
            }
            guard definition.dataType.isInteger || definition.dataType == .signed else {
                throw DictionaryError(
                    file: pending.file, line: pending.line,
                    message: "VALUE for '\(pending.attribute)' whose type \(definition.dataType.rawValue) is not an integer")
            }
            definition.addValue(name: pending.name, number: pending.number)
            attributes[oid] = definition
        }
        pendingValues = []
        return RADIUSDictionary(attributes: attributes, vendors: vendors, namesInOrder: names)
    }

    func vendorNamed(_ name: String) -> VendorDefinition? {
        vendors.values.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Decimal, `0x` hex or octal-looking decimal numbers.
    static func parseNumber(_ text: String) -> UInt64? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }
}
