/// An address pool, `/ip/pool`: where PPP and hotspot clients get their addresses.
public struct IPPool: RouterOSMenuItem, Hashable {
    public static let menuPath = "/ip/pool"
    public var id: String?
    /// Pool name (unique per router).
    public var name: String?
    /// Address ranges, e.g. `10.10.0.2-10.10.0.254` (comma separated).
    public var ranges: String?
    /// Pool used when this one is exhausted.
    public var nextPool: String?
    /// Free text.
    public var comment: String?
    /// Every property the router returned.
    public var raw: [String: String]

    /// Creates a pool with the fields to write.
    public init(name: String? = nil, ranges: String? = nil, nextPool: String? = nil, comment: String? = nil) {
        self.name = name
        self.ranges = ranges
        self.nextPool = nextPool
        self.comment = comment
        self.raw = [:]
    }

    public init(row: [String: String]) {
        self.init(name: row["name"], ranges: row["ranges"], nextPool: row["next-pool"], comment: row["comment"])
        id = row[".id"]
        raw = row
    }

    public var attributes: [RouterOSAttribute] {
        RouterOSValue.attributes(["name": name, "ranges": ranges, "next-pool": nextPool, "comment": comment])
    }
}
