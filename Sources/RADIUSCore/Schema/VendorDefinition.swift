/// A vendor of Vendor-Specific attributes (RFC 2865 §5.26) and the layout of its
/// sub-attribute headers (the `format=t,l` of a FreeRADIUS VENDOR line).
public struct VendorDefinition: Hashable, Sendable {
    /// The SMI Private Enterprise Code.
    public var id: UInt32
    /// Dictionary name (`Mikrotik`).
    public var name: String
    /// Octets of the vendor type field: 1, 2 or 4 (RFC 2865 suggests 1).
    public var typeWidth: Int
    /// Octets of the vendor length field: 0, 1 or 2.
    public var lengthWidth: Int
    /// WiMAX-style continuation octet after the length (`format=1,1,c`).
    public var hasContinuation: Bool

    public init(id: UInt32, name: String, typeWidth: Int = 1, lengthWidth: Int = 1, hasContinuation: Bool = false) {
        self.id = id
        self.name = name
        self.typeWidth = typeWidth
        self.lengthWidth = lengthWidth
        self.hasContinuation = hasContinuation
    }

    /// Octets of a sub-attribute header.
    public var headerLength: Int { typeWidth + lengthWidth + (hasContinuation ? 1 : 0) }

    /// The largest vendor type number the type field can carry.
    public var maxType: UInt32 {
        switch typeWidth {
        case 1: 0xFF
        case 2: 0xFFFF
        default: 0xFFFF_FFFF
        }
    }
}
