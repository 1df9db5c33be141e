import RADIUSCore

/// An immutable, `Sendable` registry of RADIUS attributes, vendors and enumerated values built
/// from FreeRADIUS-format dictionary files: the schema the structured codec, the packet tools
/// and configuration use to turn names into numbers and back.
public struct RADIUSDictionary: AttributeSchema, Sendable {
    /// Definitions by OID.
    public let attributesByOID: [AttributeOID: AttributeDefinition]
    /// Vendors by Private Enterprise Code.
    public let vendorsByID: [UInt32: VendorDefinition]
    private let oidsByName: [String: AttributeOID]
    private let vendorIDsByName: [String: UInt32]

    init(
        attributes: [AttributeOID: AttributeDefinition], vendors: [UInt32: VendorDefinition],
        namesInOrder: [(String, AttributeOID)]
    ) {
        attributesByOID = attributes
        vendorsByID = vendors
        var names: [String: AttributeOID] = [:]
        for (name, oid) in namesInOrder { names[name.lowercased()] = oid }
        oidsByName = names
        var vendorNames: [String: UInt32] = [:]
        for vendor in vendors.values { vendorNames[vendor.name.lowercased()] = vendor.id }
        vendorIDsByName = vendorNames
    }

    /// An empty dictionary (every attribute decodes raw).
    public init() { self.init(attributes: [:], vendors: [:], namesInOrder: []) }

    public func attribute(at oid: AttributeOID) -> AttributeDefinition? { attributesByOID[oid] }

    public func attribute(named name: String) -> AttributeDefinition? {
        guard let oid = oidsByName[name.lowercased()] else { return nil }
        return attributesByOID[oid]
    }

    public func vendor(id: UInt32) -> VendorDefinition? { vendorsByID[id] }

    /// The vendor called `name` (case-insensitive).
    public func vendor(named name: String) -> VendorDefinition? {
        vendorIDsByName[name.lowercased()].flatMap { vendorsByID[$0] }
    }

    /// The VALUE name of `number` for the attribute at `oid`.
    public func valueName(of number: UInt64, for oid: AttributeOID) -> String? {
        attributesByOID[oid]?.valueNames[number]
    }

    /// The number of the VALUE `name` for the attribute at `oid` (case-sensitive, as defined).
    public func valueNumber(of name: String, for oid: AttributeOID) -> UInt64? {
        attributesByOID[oid]?.valueNumbers[name]
    }

    /// Number of attribute definitions.
    public var count: Int { attributesByOID.count }
}
