/// What the structured codec needs to know about attributes: the dictionary as a lookup.
/// `RADIUSDictionary` implements it from FreeRADIUS-format files; tests can implement it by hand.
public protocol AttributeSchema: Sendable {
    /// The definition at `oid`, if the dictionary has one.
    func attribute(at oid: AttributeOID) -> AttributeDefinition?
    /// The definition called `name` (case-insensitive), if any.
    func attribute(named name: String) -> AttributeDefinition?
    /// The vendor with this Private Enterprise Code, if known.
    func vendor(id: UInt32) -> VendorDefinition?
}

/// A schema that knows nothing: every attribute decodes raw. Useful for pure round trips.
public struct EmptyAttributeSchema: AttributeSchema {
    public init() {}
    public func attribute(at oid: AttributeOID) -> AttributeDefinition? { nil }
    public func attribute(named name: String) -> AttributeDefinition? { nil }
    public func vendor(id: UInt32) -> VendorDefinition? { nil }
}
