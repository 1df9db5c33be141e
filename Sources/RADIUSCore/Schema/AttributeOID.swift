/// The numeric path of an attribute in the RADIUS attribute tree, as FreeRADIUS writes it:
/// `1` (User-Name), `26.14988.8` (VSA: 26, vendor, vendor type), `241.5.1` (extended type 5,
/// TLV 1; RFC 6929 §2), `245.26.11344.2` (long-extended EVS). Up to 8 components, held inline so
/// a lookup key costs no allocation.
public struct AttributeOID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The most components an OID holds.
    public static let capacity = 8

    /// Number of components.
    public private(set) var count: Int
    private var words: (UInt64, UInt64, UInt64, UInt64)

    public init() {
        count = 0
        words = (0, 0, 0, 0)
    }

    /// Builds from components; nil when there are more than `capacity`.
    public init?(_ components: [UInt32]) {
        guard components.count <= AttributeOID.capacity else { return nil }
        self.init()
        for component in components { append(component) }
    }

    /// Parses dotted text (`26.14988.8`).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= AttributeOID.capacity else { return nil }
        var components: [UInt32] = []
        for part in parts {
            guard let value = UInt32(part) else { return nil }
            components.append(value)
        }
        self.init(components)
    }

    /// A one-component OID for a top-level attribute.
    public init(type: UInt8) {
        self.init()
        append(UInt32(type))
    }

    /// The component at `index` (0-based); 0 when out of range.
    public subscript(index: Int) -> UInt32 {
        guard index >= 0, index < count else { return 0 }
        let word: UInt64
        switch index / 2 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return UInt32(truncatingIfNeeded: index % 2 == 0 ? word >> 32 : word)
    }

    /// Appends a component; silently ignored beyond `capacity` (check `isFull` first).
    public mutating func append(_ component: UInt32) {
        guard count < AttributeOID.capacity else { return }
        let shift: UInt64 = count % 2 == 0 ? 32 : 0
        let mask: UInt64 = 0xFFFF_FFFF << shift
        func update(_ word: inout UInt64) { word = (word & ~mask) | (UInt64(component) << shift) }
        switch count / 2 {
        case 0: update(&words.0)
        case 1: update(&words.1)
        case 2: update(&words.2)
        default: update(&words.3)
        }
        count += 1
    }

    /// A copy with `component` appended.
    public func appending(_ component: UInt32) -> AttributeOID {
        var copy = self
        copy.append(component)
        return copy
    }

    /// True when no more components fit.
    public var isFull: Bool { count >= AttributeOID.capacity }

    /// The OID without its last component.
    public var parent: AttributeOID {
        var result = AttributeOID()
        for index in 0..<Swift.max(0, count - 1) { result.append(self[index]) }
        return result
    }

    /// The last component (the attribute's own number within its parent).
    public var last: UInt32 { self[count - 1] }

    /// All components.
    public var components: [UInt32] { (0..<count).map { self[$0] } }

    public var description: String { components.map(String.init).joined(separator: ".") }

    public static func == (lhs: AttributeOID, rhs: AttributeOID) -> Bool {
        lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    public static func < (lhs: AttributeOID, rhs: AttributeOID) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}
