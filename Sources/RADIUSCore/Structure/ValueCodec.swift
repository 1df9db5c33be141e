/// Converts between value octets and `AttributeValue` for each `RADIUSDataType` (RFC 8044 §3).
/// Decoding returns nil when the octets are not a valid value of the type, so the caller keeps
/// the attribute raw (RFC 6929 §2.8).
public enum ValueCodec {
    /// Decodes `bytes` as `type`; `fixedLength` enforces `octets[N]`. Container types return nil
    /// (the structured decoder handles them).
    public static func decode(_ bytes: ArraySlice<UInt8>, as type: RADIUSDataType, fixedLength: Int? = nil)
        -> AttributeValue?
    {
        if let fixedLength, bytes.count != fixedLength { return nil }
        if let size = type.fixedSize, bytes.count != size { return nil }
        switch type {
        case .string:
            if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
            return .octets(Array(bytes))
        case .octets, .abinary:
            return .octets(Array(bytes))
        case .integer, .integer64, .byte, .short, .date:
            let value = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return type == .date ? .date(UInt32(truncatingIfNeeded: value)) : .integer(value)
        case .signed:
            let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return .signed(Int32(bitPattern: value))
        case .ipaddr:
            return IPv4Address(bytes: bytes).map(AttributeValue.ipv4)
        case .ipv6addr:
            return IPv6Address(bytes: bytes).map(AttributeValue.ipv6)
        case .ipv4prefix:
            return IPv4Prefix(wire: Array(bytes)).map(AttributeValue.ipv4Prefix)
        case .ipv6prefix:
            return IPv6Prefix(wire: Array(bytes)).map(AttributeValue.ipv6Prefix)
        case .comboIP:
            if bytes.count == 4 { return IPv4Address(bytes: bytes).map(AttributeValue.ipv4) }
            if bytes.count == 16 { return IPv6Address(bytes: bytes).map(AttributeValue.ipv6) }
            return nil
        case .ifid:
            return .ifid(Array(bytes))
        case .ether:
            return .ether(Array(bytes))
        case .tlv, .vsa, .extended, .longExtended, .evs:
            return nil
        }
    }

    /// Encodes `value` as `type`; nil when the value does not fit the type (e.g. 300 as `byte`).
    public static func encode(_ value: AttributeValue, as type: RADIUSDataType) -> [UInt8]? {
        switch (type, value) {
        case (_, .octets(let bytes)):
            return bytes
        case (.string, .text(let text)), (.octets, .text(let text)):
            return Array(text.utf8)
        case (.byte, .integer(let value)):
            return value <= 0xFF ? [UInt8(value)] : nil
        case (.short, .integer(let value)):
            return value <= 0xFFFF ? bigEndian(value, width: 2) : nil
        case (.integer, .integer(let value)), (.date, .integer(let value)):
            return value <= 0xFFFF_FFFF ? bigEndian(value, width: 4) : nil
        case (.integer64, .integer(let value)):
            return bigEndian(value, width: 8)
        case (.date, .date(let value)), (.integer, .date(let value)):
            return bigEndian(UInt64(value), width: 4)
        case (.signed, .signed(let value)):
            return bigEndian(UInt64(UInt32(bitPattern: value)), width: 4)
        case (.signed, .integer(let value)):
            return value <= UInt64(Int32.max) ? bigEndian(value, width: 4) : nil
        case (.ipaddr, .ipv4(let address)), (.comboIP, .ipv4(let address)):
            return address.bytes
        case (.ipv6addr, .ipv6(let address)), (.comboIP, .ipv6(let address)):
            return address.bytes
        case (.ipv4prefix, .ipv4Prefix(let prefix)):
            return prefix.wire
        case (.ipv6prefix, .ipv6Prefix(let prefix)):
            return prefix.wire
        case (.ifid, .ifid(let bytes)):
            return bytes.count == 8 ? bytes : nil
        case (.ether, .ether(let bytes)):
            return bytes.count == 6 ? bytes : nil
        default:
            return nil
        }
    }

    /// Parses display text (as `AttributeValue.text` prints it) into a value of `type`.
    /// Integer types also accept a VALUE name through `definition`.
    public static func parse(_ text: String, as type: RADIUSDataType, definition: AttributeDefinition? = nil)
        -> AttributeValue?
    {
        switch type {
        case .string:
            return .text(text)
        case .octets, .abinary:
            let body = text.hasPrefix("0x") ? String(text.dropFirst(2)) : text
            return HexCoding.decode(body).map(AttributeValue.octets)
        case .integer, .integer64, .byte, .short:
            if let number = UInt64(text) { return .integer(number) }
            if let number = definition?.valueNumbers[text] { return .integer(number) }
            if text.hasPrefix("0x"), let number = UInt64(text.dropFirst(2), radix: 16) { return .integer(number) }
            return nil
        case .date:
            return RADIUSDate.parse(text).map(AttributeValue.date)
        case .signed:
            return Int32(text).map(AttributeValue.signed)
        case .ipaddr:
            return IPv4Address(text).map(AttributeValue.ipv4)
        case .ipv6addr:
            return IPv6Address(text).map(AttributeValue.ipv6)
        case .comboIP:
            return IPv4Address(text).map(AttributeValue.ipv4) ?? IPv6Address(text).map(AttributeValue.ipv6)
        case .ipv4prefix:
            return IPv4Prefix(text).map(AttributeValue.ipv4Prefix)
        case .ipv6prefix:
            return IPv6Prefix(text).map(AttributeValue.ipv6Prefix)
        case .ifid:
            let bytes = HexCoding.decode(text)
            return bytes.flatMap { $0.count == 8 ? AttributeValue.ifid($0) : nil }
        case .ether:
            let bytes = HexCoding.decode(text.replacingDashes())
            return bytes.flatMap { $0.count == 6 ? AttributeValue.ether($0) : nil }
        case .tlv, .vsa, .extended, .longExtended, .evs:
            return nil
        }
    }

    static func bigEndian(_ value: UInt64, width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (UInt64($0) * 8)) }
    }
}

extension String {
    fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? ":" : $0 }) }
}
