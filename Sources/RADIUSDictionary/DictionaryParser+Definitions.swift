import RADIUSCore

extension DictionaryParser {
    /// `ATTRIBUTE name number type [flags|vendor]`.
    mutating func parseAttribute(_ fields: [String], context: Context, fail: (String) -> DictionaryError)
        throws(DictionaryError)
    {
        guard fields.count == 4 || fields.count == 5 else { throw fail("ATTRIBUTE needs: ATTRIBUTE name number type [flags]") }
        let name = fields[1]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else {
            throw fail("invalid attribute name '\(name)'")
        }
        guard nameIndex[name.lowercased()] == nil else { throw fail("duplicate attribute name '\(name)'") }

        var typeText = fields[3]
        var fixedLength: Int?
        if let open = typeText.firstIndex(of: "["), typeText.hasSuffix("]") {
            guard let size = Int(typeText[typeText.index(after: open)..<typeText.index(before: typeText.endIndex)]),
                size > 0, size <= 253
            else { throw fail("invalid fixed size in '\(typeText)'") }
            fixedLength = size
            typeText = String(typeText[..<open])
        }
        guard let dataType = RADIUSDataType(dictionaryName: typeText) else { throw fail("unknown data type '\(fields[3])'") }

        var encryption = AttributeEncryption.none
        var hasTag = false
        var concat = false
        var vendor = context.vendor
        if fields.count == 5 {
            for flag in fields[4].split(separator: ",") {
                switch flag {
                case "has_tag": hasTag = true
                case "concat": concat = true
                case "encrypt=1": encryption = .userPassword
                case "encrypt=2": encryption = .tunnelPassword
                case "encrypt=3": encryption = .ascendSecret
                case "encrypt=0": encryption = .none
                case "virtual", "array", "abinary", "internal", "long": break
                default:
                    if vendor == nil, fields[4].split(separator: ",").count == 1, let named = vendorNamed(String(flag)) {
                        vendor = named
                    } else {
                        throw fail("unknown flag '\(flag)'")
                    }
                }
            }
        }
        if hasTag, !(dataType == .integer || dataType == .string || dataType == .octets) {
            throw fail("has_tag is only allowed on integer, string and octets attributes")
        }

        let oid = try resolveOID(fields[2], vendor: vendor, context: context, fail: fail)
        guard attributes[oid] == nil else { throw fail("attribute number \(oid) already defined as '\(attributes[oid]?.name ?? "")'") }
        if let vendor, oid.count >= 3, oid[0] == 26, oid[2] > vendor.maxType {
            throw fail("vendor type \(oid[2]) does not fit vendor \(vendor.name)'s \(vendor.typeWidth)-octet type field")
        }
        attributes[oid] = AttributeDefinition(
            name: name, oid: oid, dataType: dataType, fixedLength: fixedLength, encryption: encryption,
            hasTag: hasTag, isConcatenated: concat)
        names.append((name, oid))
        nameIndex[name.lowercased()] = oid
    }

    /// Turns the number column into a full OID given the block the line sits in.
    func resolveOID(_ text: String, vendor: VendorDefinition?, context: Context, fail: (String) -> DictionaryError)
        throws(DictionaryError) -> AttributeOID
    {
        var components: [UInt32] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard let number = DictionaryParser.parseNumber(String(part)), number <= UInt64(UInt32.max) else {
                throw fail("invalid attribute number '\(text)'")
            }
            components.append(UInt32(number))
        }
        if let parent = context.tlvStack.last {
            components = parent.components + components
        } else if let vendor {
            if let evs = context.evsParent {
                components = [evs, 26, vendor.id] + components
            } else {
                components = [26, vendor.id] + components
            }
        }
        guard let first = components.first else { throw fail("invalid attribute number '\(text)'") }
        if vendor == nil, context.tlvStack.isEmpty, first == 0 || first > 255 {
            throw fail("attribute number \(first) is outside 1…255")
        }
        for (index, component) in components.enumerated() where index > 0 {
            let isVendorID = (components[0] == 26 && index == 1) || (components.count > 2 && components[1] == 26 && index == 2 && components[0] >= 241)
            if !isVendorID, components[0] != 26 || index > 2, component > 255 {
                throw fail("attribute number component \(component) is outside 0…255")
            }
        }
        guard let oid = AttributeOID(components) else { throw fail("attribute number '\(text)' nests too deeply") }
        return oid
    }

    /// `VENDOR name number [format=t,l[,c]]`.
    mutating func parseVendor(_ fields: [String], fail: (String) -> DictionaryError) throws(DictionaryError) {
        guard fields.count == 3 || fields.count == 4 else { throw fail("VENDOR needs: VENDOR name number [format=t,l]") }
        guard let number = DictionaryParser.parseNumber(fields[2]), number <= UInt64(UInt32.max) else {
            throw fail("invalid vendor number '\(fields[2])'")
        }
        var vendor = VendorDefinition(id: UInt32(number), name: fields[1])
        if fields.count == 4 {
            let option = fields[3]
            guard option.hasPrefix("format=") else { throw fail("unknown VENDOR option '\(option)'") }
            let parts = option.dropFirst("format=".count).split(separator: ",").map(String.init)
            guard parts.count == 2 || parts.count == 3, let typeWidth = Int(parts[0]), let lengthWidth = Int(parts[1]),
                [1, 2, 4].contains(typeWidth), [0, 1, 2].contains(lengthWidth)
            else { throw fail("invalid vendor format '\(option)' (type width 1, 2 or 4; length width 0, 1 or 2)") }
            if parts.count == 3 {
                guard parts[2] == "c", typeWidth == 1, lengthWidth == 1 else {
                    throw fail("continuation ',c' is only valid with format=1,1")
                }
                vendor.hasContinuation = true
            }
            vendor.typeWidth = typeWidth
            vendor.lengthWidth = lengthWidth
        }
        if let existing = vendors[vendor.id], existing.name.lowercased() != vendor.name.lowercased() {
            throw fail("vendor number \(vendor.id) already defined as '\(existing.name)'")
        }
        if let existing = vendorNamed(vendor.name), existing.id != vendor.id {
            throw fail("vendor name '\(vendor.name)' already defined with number \(existing.id)")
        }
        vendors[vendor.id] = vendor
    }
}
