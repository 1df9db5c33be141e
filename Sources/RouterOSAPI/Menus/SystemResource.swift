/// `/system/resource`: what the router is and how loaded it is, for health checks.
public struct SystemResource: Hashable, Sendable {
    /// Uptime in RouterOS notation.
    public var uptime: String?
    /// RouterOS version, e.g. `7.18.2 (stable)`.
    public var version: String?
    /// Board name.
    public var boardName: String?
    /// Architecture, e.g. `arm64`.
    public var architectureName: String?
    /// CPU load in percent.
    public var cpuLoad: Int?
    /// Free memory in bytes.
    public var freeMemory: Int64?
    /// Total memory in bytes.
    public var totalMemory: Int64?
    /// Every property the router returned.
    public var raw: [String: String]

    /// Builds the value from the one `!re` row of `/system/resource/print`.
    public init(row: [String: String]) {
        uptime = row["uptime"]
        version = row["version"]
        boardName = row["board-name"]
        architectureName = row["architecture-name"]
        cpuLoad = row["cpu-load"].flatMap { Int($0) }
        freeMemory = row["free-memory"].flatMap { Int64($0) }
        totalMemory = row["total-memory"].flatMap { Int64($0) }
        raw = row
    }
}
