import BillingStoreSQLite

/// Everything `uplink serve` and the other commands need to start, resolved from built-in
/// defaults, then `conf/uplink.toml`, then command-line flags (last one wins).
///
/// Tenant data (NAS clients of an ISP, packages, subscribers) lives in the database; this
/// holds only what the process needs to boot, plus optional NAS clients that an operator
/// prefers to list in the file. Every key is documented in `conf/uplink.toml`.
public struct UplinkConfiguration: Sendable, Equatable {
    /// Directory holding `uplink.sqlite`, the secret key and backups.
    public var dataDirectory: String = "data"
    /// Addresses the RADIUS and HTTP listeners bind (IPv4 and IPv6 by default).
    public var bindAddresses: [String] = ["0.0.0.0", "::"]
    /// RADIUS authentication port (RFC 2865).
    public var authPort: Int = 1812
    /// RADIUS accounting port (RFC 2866).
    public var accountingPort: Int = 1813
    /// Admin HTTP API port.
    public var httpPort: Int = 8080
    /// Event-loop threads for the RADIUS listeners; 0 means one per core.
    public var threads: Int = 0
    /// Whether every commit waits for the disk (`full`, survives power loss) or only for the
    /// operating system (`normal`, survives a crash of Uplink).
    public var durability: SQLiteBillingStore.Durability = .full

    /// Directory with the FreeRADIUS-format dictionaries (`dictionary` is the entry file).
    public var dictionaryDirectory: String = "dictionaries"
    /// How long an answered request stays in the duplicate cache (RFC 5080 §2.2.2).
    public var duplicateCacheSeconds: Int = 30
    /// Most answered requests kept in the duplicate cache, per socket.
    public var duplicateCacheEntries: Int = 16_384
    /// Requests in processing per listener before new ones are dropped (the NAS retransmits).
    public var maxInFlight: Int = 4096
    /// Whether Access-Requests must carry Message-Authenticator unless a NAS says otherwise
    /// (BlastRADIUS, CVE-2024-3596).
    public var requireMessageAuthenticator: Bool = true

    /// Accounting records per group commit at most.
    public var accountingBatchMax: Int = 256
    /// Longest wait for more records before a group commit, in milliseconds.
    public var accountingBatchWaitMilliseconds: Int = 0
    /// A session with no update for this many interim intervals is closed by the reaper.
    public var reaperIntervalMultiple: Int = 3
    /// Interim interval assumed when a session's package sets none, in seconds.
    public var defaultInterimSeconds: Int = 300

    /// Hex key (32 bytes) that seals subscriber passwords at rest; when nil, a key is
    /// generated once into `<data>/secret.key`.
    public var secretKeyHex: String?
    /// A file holding the hex key instead of the key itself.
    public var secretKeyFile: String?
    /// bcrypt cost for account login passwords (each step doubles the work).
    public var passwordHashCost: UInt8 = 10

    /// Log level: trace, debug, info, notice, warning, error, critical.
    public var logLevel: String = "info"
    /// Log format: `json` (one object per line) or `text`.
    public var logFormat: String = "json"

    /// NAS clients listed in the file in addition to those in the database.
    public var nasClients: [ConfiguredNASClient] = []

    public init() {}
}

/// A NAS client written in the configuration file rather than created through the API.
public struct ConfiguredNASClient: Sendable, Equatable {
    /// An address or CIDR (`192.0.2.1`, `10.0.0.0/8`, `2001:db8::/32`).
    public var address: String
    /// The RADIUS shared secret.
    public var secret: String
    /// The NAS-Identifier a router behind NAT sends, to tell several routers apart.
    public var nasIdentifier: String?
    /// Name of the ISP the NAS belongs to; its subscribers are the only ones it authenticates.
    public var isp: String
    /// Whether Access-Requests from this NAS must carry Message-Authenticator.
    public var requireMessageAuthenticator: Bool
    /// `input-is-upload` (RouterOS default: Acct-Input counts what the subscriber sent)
    /// or `input-is-download`.
    public var counterDirection: String

    public init(
        address: String, secret: String, nasIdentifier: String? = nil, isp: String,
        requireMessageAuthenticator: Bool = true, counterDirection: String = "input-is-upload"
    ) {
        self.address = address
        self.secret = secret
        self.nasIdentifier = nasIdentifier
        self.isp = isp
        self.requireMessageAuthenticator = requireMessageAuthenticator
        self.counterDirection = counterDirection
    }
}
