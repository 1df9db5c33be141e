import Foundation

/// A NAS (MikroTik router) that belongs to exactly one ISP. The RADIUS layer matches requests to
/// it by source address/CIDR (or NAS-Identifier for routers behind NAT) and authenticates only that
/// ISP's subscribers. Secrets live in `secrets` and never appear in `NASView`.
public struct NASDevice: Sendable, Codable, Hashable, Identifiable {
    public var id: NASID
    public var ispID: ISPID
    public var name: String
    /// IPv4/IPv6 address or CIDR the requests come from, e.g. `127.0.0.1/8` or `::1`.
    public var address: String
    /// NAS-Identifier (RFC 2865 §5.32) to tell routers behind one NAT apart.
    public var nasIdentifier: String?
    /// Port of `/radius incoming` for CoA/Disconnect (RFC 5176); RouterOS uses 3799.
    public var coaPort: Int
    /// RouterOS API endpoint used for provisioning and fallback (password in `secrets`).
    public var routerOS: RouterOSEndpoint?
    /// Whether subscribers are mirrored as disabled `/ppp secret` entries for RADIUS fallback.
    public var secretMirror: SecretMirrorMode
    /// How Acct-Input/Output map to upload/download for this NAS (mikrotik.md §4.1).
    public var counterDirection: CounterDirection
    /// Require Message-Authenticator in Access-Requests (BlastRADIUS, CVE-2024-3596).
    public var requireMessageAuthenticator: Bool
    public var secrets: NASSecrets
    public var createdBy: AccountID
    public var createdAt: Date

    /// The output model without secrets.
    public var view: NASView {
        NASView(
            id: id, ispID: ispID, name: name, address: address, nasIdentifier: nasIdentifier,
            coaPort: coaPort, routerOS: routerOS, secretMirror: secretMirror,
            counterDirection: counterDirection, requireMessageAuthenticator: requireMessageAuthenticator,
            hasRouterOSPassword: secrets.routerOSPassword != nil)
    }
}

/// The secrets of a NAS: the RADIUS shared secret and the RouterOS API password. Kept in its own
/// type so that output models can structurally omit it.
public struct NASSecrets: Sendable, Codable, Hashable {
    public var radiusSecret: String
    public var routerOSPassword: String?

    public init(radiusSecret: String, routerOSPassword: String? = nil) {
        self.radiusSecret = radiusSecret
        self.routerOSPassword = routerOSPassword
    }
}

/// Where and how to reach the RouterOS API of a router (8728 plain, 8729 TLS).
public struct RouterOSEndpoint: Sendable, Codable, Hashable {
    public var host: String
    public var port: Int
    public var username: String
    public var useTLS: Bool
    /// With TLS: the SHA-256 fingerprint of the router's certificate (its DER encoding, as
    /// `/certificate print` and `openssl x509 -fingerprint -sha256` show it), 64 lower-case hex
    /// digits. When set, exactly that certificate is accepted, self-signed or not; when nil, the
    /// certificate must chain to a trusted root and name the host. Not a secret.
    public var tlsPinSHA256: String?

    public init(host: String, port: Int? = nil, username: String, useTLS: Bool = false, tlsPinSHA256: String? = nil) {
        self.host = host
        self.port = port ?? (useTLS ? 8729 : 8728)
        self.username = username
        self.useTLS = useTLS
        self.tlsPinSHA256 = tlsPinSHA256
    }

    /// A pin as stored: 64 lower-case hex digits from 64 hex digits in either case, optionally
    /// separated by `:` or spaces (the `openssl` style); nil for anything else.
    public static func normalizedPin(_ text: String) -> String? {
        let hex = text.filter { $0 != ":" && $0 != " " }.lowercased()
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return nil
        }
        return hex
    }
}

/// Whether subscribers are mirrored to `/ppp secret` on the router.
public enum SecretMirrorMode: String, Sendable, Codable {
    case off
    case mirror
}

/// Mapping of RADIUS accounting counters to subscriber directions.
public enum CounterDirection: String, Sendable, Codable {
    /// RFC 2866: Acct-Input = from the client = upload; Acct-Output = download.
    case standard
    /// Input = download, Output = upload (some services report from the client's view).
    case swapped
}

/// A NAS as shown to people and APIs: everything except secrets.
public struct NASView: Sendable, Codable, Hashable, Identifiable {
    public var id: NASID
    public var ispID: ISPID
    public var name: String
    public var address: String
    public var nasIdentifier: String?
    public var coaPort: Int
    public var routerOS: RouterOSEndpoint?
    public var secretMirror: SecretMirrorMode
    public var counterDirection: CounterDirection
    public var requireMessageAuthenticator: Bool
    public var hasRouterOSPassword: Bool
}
