import NIOCore

extension RADIUSPacket {
    /// The first value of `key`, typed; nil when absent or not a valid value.
    public subscript<Value>(key: AttributeKey<Value>) -> Value? {
        var result: Value?
        forEachValue(of: key) { value in
            result = Value(radiusValue: value)
            return false
        }
        return result
    }

    /// Every value of `key` in wire order (invalid ones skipped).
    public func all<Value>(_ key: AttributeKey<Value>) -> [Value] {
        var result: [Value] = []
        forEachValue(of: key) { value in
            if let typed = Value(radiusValue: value) { result.append(typed) }
            return true
        }
        return result
    }

    /// The first value octets of `key` (tag octet removed for tagged attributes), as a slice.
    public func rawValue<Value>(of key: AttributeKey<Value>) -> ByteBuffer? {
        var result: ByteBuffer?
        forEachValue(of: key) { value in
            result = value
            return false
        }
        return result
    }

    /// True when at least one `key` attribute is present.
    public func contains<Value>(_ key: AttributeKey<Value>) -> Bool { rawValue(of: key) != nil }

    /// The values of all consecutive `key` attributes joined (EAP-Message; RFC 3579 §3.1).
    public func concatenated<Value>(_ key: AttributeKey<Value>) -> [UInt8]? {
        var result: [UInt8]?
        forEachValue(of: key) { value in
            result = (result ?? []) + (value.getBytes(at: value.readerIndex, length: value.readableBytes) ?? [])
            return true
        }
        return result
    }

    private static let attributeAllocator = ByteBufferAllocator()

    /// Appends an attribute with `value` (a VSA gets its own attribute 26).
    ///
    /// The attribute's value is written straight into one buffer (VSA header, tag, value), so
    /// an append costs one allocation.
    public mutating func append<Value>(_ key: AttributeKey<Value>, _ value: Value, tag: UInt8? = nil) {
        var buffer = Self.attributeAllocator.buffer(capacity: 32)
        let type = Self.writeValue(key, value, tag: tag, into: &buffer)
        attributes.append(RADIUSAttribute(type: type, value: buffer))
    }

    /// Encodes a whole attribute (Type, Length, value) at the end of `buffer`; several encoded
    /// one after the other are appended to a packet at once with ``appendEncoded(_:)``, for one
    /// allocation in all (the per-subscriber part of every Access-Accept).
    public static func encode<Value>(
        _ key: AttributeKey<Value>, _ value: Value, tag: UInt8? = nil, into buffer: inout ByteBuffer
    ) {
        let start = buffer.writerIndex
        buffer.writeInteger(UInt16(0))  // Type and Length, set below
        let type = writeValue(key, value, tag: tag, into: &buffer)
        let valueLength = Swift.min(buffer.writerIndex - start - 2, RADIUSLimits.maxAttributeValueLength)
        buffer.moveWriterIndex(to: start + 2 + valueLength)
        buffer.setInteger(type, at: start)
        buffer.setInteger(UInt8(valueLength + 2), at: start + 1)
    }

    /// Appends the attributes encoded one after the other in `encoded` (see
    /// ``encode(_:_:tag:into:)``), as slices of it. A truncated last attribute is left out.
    public mutating func appendEncoded(_ encoded: ByteBuffer) {
        var rest = encoded
        while let type = rest.readInteger(as: UInt8.self), let length = rest.readInteger(as: UInt8.self),
            length >= 2, let value = rest.readSlice(length: Int(length) - 2)
        {
            attributes.append(RADIUSAttribute(type: type, value: value))
        }
    }

    /// Writes the value octets of `key` (after the VSA header for a vendor key) at the end of
    /// `buffer`; returns the attribute's Type (26 for a VSA).
    private static func writeValue<Value>(
        _ key: AttributeKey<Value>, _ value: Value, tag: UInt8?, into buffer: inout ByteBuffer
    ) -> UInt8 {
        let isVendor = key.vendor != nil && key.vendorType != nil
        if let vendor = key.vendor, let vendorType = key.vendorType {
            buffer.writeInteger(vendor)
            buffer.writeInteger(vendorType)
            buffer.writeInteger(UInt8(2))
        }
        let valueStart = buffer.writerIndex
        if key.hasTag, Value.self != UInt32.self { buffer.writeInteger(tag ?? 0) }
        value.writeRADIUSValue(into: &buffer)
        if key.hasTag, Value.self == UInt32.self, buffer.writerIndex - valueStart == 4 {
            buffer.setInteger(tag ?? 0, at: valueStart)
        }
        guard isVendor else { return key.type }
        // A sub-attribute holds at most 247 value octets (253 - Vendor-Id - type - length).
        let valueLength = Swift.min(buffer.writerIndex - valueStart, 247)
        buffer.moveWriterIndex(to: valueStart + valueLength)
        buffer.setInteger(UInt8(valueLength + 2), at: valueStart - 1)
        return 26
    }

    /// Appends an attribute whose value octets are given as is (cut to what one attribute holds).
    public mutating func appendRaw<Value>(_ key: AttributeKey<Value>, _ value: ByteBuffer, tag: UInt8? = nil) {
        var payload = ByteBuffer()
        if key.hasTag {
            if Value.self == UInt32.self, value.readableBytes == 4 {
                var copy = value
                copy.setInteger(tag ?? 0, at: copy.readerIndex)
                payload.writeImmutableBuffer(copy)
            } else {
                payload.writeInteger(tag ?? 0)
                payload.writeImmutableBuffer(value)
            }
        } else if key.vendor == nil {
            // Nothing to add: the caller's buffer is the value.
            attributes.append(RADIUSAttribute(type: key.type, value: value))
            return
        } else {
            payload = value
        }
        if let vendor = key.vendor, let vendorType = key.vendorType {
            var vsa = ByteBuffer()
            // A sub-attribute holds at most 247 value octets (253 - Vendor-Id - type - length).
            let length = Swift.min(payload.readableBytes, 247)
            vsa.reserveCapacity(6 + length)
            vsa.writeInteger(vendor)
            vsa.writeInteger(vendorType)
            vsa.writeInteger(UInt8(length + 2))
            if let slice = payload.getSlice(at: payload.readerIndex, length: length) { vsa.writeImmutableBuffer(slice) }
            attributes.append(RADIUSAttribute(type: 26, value: vsa))
        } else {
            attributes.append(RADIUSAttribute(type: key.type, value: payload))
        }
    }

    /// Removes every `key` attribute (VSA sub-attributes of other types in the same attribute 26
    /// are kept only when the attribute holds nothing else of `key`).
    public mutating func removeAll<Value>(_ key: AttributeKey<Value>) {
        attributes.removeAll { attribute in
            guard attribute.type == key.type else { return false }
            guard let vendor = key.vendor, let vendorType = key.vendorType else { return true }
            var found = false
            Self.forEachVendorValue(attribute, vendor: vendor, vendorType: vendorType) { _ in
                found = true
                return false
            }
            return found
        }
    }

    /// Replaces every `key` attribute with one holding `value`.
    public mutating func set<Value>(_ key: AttributeKey<Value>, _ value: Value, tag: UInt8? = nil) {
        removeAll(key)
        append(key, value, tag: tag)
    }

    /// Calls `body` with each value slice of `key` until it returns false. No allocation.
    func forEachValue<Value>(of key: AttributeKey<Value>, _ body: (ByteBuffer) -> Bool) {
        for attribute in attributes where attribute.type == key.type {
            if let vendor = key.vendor, let vendorType = key.vendorType {
                var keepGoing = true
                Self.forEachVendorValue(attribute, vendor: vendor, vendorType: vendorType) { value in
                    keepGoing = body(key.hasTag ? Self.untagged(value, integer: Value.self == UInt32.self) : value)
                    return keepGoing
                }
                if !keepGoing { return }
            } else {
                let value = key.hasTag ? Self.untagged(attribute.value, integer: Value.self == UInt32.self) : attribute.value
                if !body(value) { return }
            }
        }
    }

    /// Walks the one-octet-format sub-attributes of a VSA, calling `body` for each match.
    static func forEachVendorValue(
        _ attribute: RADIUSAttribute, vendor: UInt32, vendorType: UInt8, _ body: (ByteBuffer) -> Bool
    ) {
        let value = attribute.value
        guard attribute.vendorID == vendor else { return }
        var offset = value.readerIndex + 4
        let end = value.writerIndex
        while offset + 2 <= end,
            let type = value.getInteger(at: offset, as: UInt8.self),
            let length = value.getInteger(at: offset + 1, as: UInt8.self),
            length >= 2, offset + Int(length) <= end
        {
            if type == vendorType, let slice = value.getSlice(at: offset + 2, length: Int(length) - 2) {
                if !body(slice) { return }
            }
            offset += Int(length)
        }
    }

    /// Removes an RFC 2868 tag: the first octet of a tagged integer is zeroed, a tag octet
    /// (≤ 0x1F) before other values is dropped.
    static func untagged(_ value: ByteBuffer, integer: Bool) -> ByteBuffer {
        var copy = value
        if integer {
            if copy.readableBytes == 4 { copy.setInteger(UInt8(0), at: copy.readerIndex) }
            return copy
        }
        if let first = copy.getInteger(at: copy.readerIndex, as: UInt8.self), first <= 0x1F {
            copy.moveReaderIndex(forwardBy: 1)
        }
        return copy
    }

    /// The tag of the first `key` attribute, if it carries one (RFC 2868 §3.1).
    public func tag<Value>(of key: AttributeKey<Value>) -> UInt8? {
        guard key.hasTag else { return nil }
        for attribute in attributes where attribute.type == key.type {
            guard let first = attribute.value.getInteger(at: attribute.value.readerIndex, as: UInt8.self) else { continue }
            return first >= 1 && first <= 0x1F ? first : nil
        }
        return nil
    }
}
