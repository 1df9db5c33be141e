/// Changes to an IP pool record; nil leaves a field alone.
public struct IPPoolUpdate: Sendable, Hashable {
    /// A new name; refused while a package (or the ISP's access policy) sends the old one as
    /// `Framed-Pool`.
    public var name: String?
    public var ranges: String?
    public var isIPv6: Bool?

    public init(name: String? = nil, ranges: String? = nil, isIPv6: Bool? = nil) {
        self.name = name
        self.ranges = ranges
        self.isIPv6 = isIPv6
    }
}
