/// Where a router's API listens: host, port and optional TLS.
public struct RouterOSEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// Default port of the plain API service (`/ip service` `api`).
    public static let defaultPort = 8728
    /// Default port of the TLS API service (`/ip service` `api-ssl`).
    public static let defaultTLSPort = 8729

    /// Host name or IP address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// TLS settings; `nil` for the plain API.
    public var tls: RouterOSTLSConfiguration?

    /// Creates an endpoint; the port defaults to 8728, or 8729 with TLS.
    public init(host: String, port: Int? = nil, tls: RouterOSTLSConfiguration? = nil) {
        self.host = host
        self.port = port ?? (tls == nil ? Self.defaultPort : Self.defaultTLSPort)
        self.tls = tls
    }

    /// Parses `HOST`, `HOST:PORT`, `[IPv6]`, `[IPv6]:PORT` or a bare IPv6 address.
    /// Throws `RouterOSError.Code.invalidRequest` for an empty host or a bad port.
    public static func parse(_ text: String, tls: RouterOSTLSConfiguration? = nil) throws(RouterOSError) -> RouterOSEndpoint {
        var host = Substring(text)
        var port: Int?
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let rest = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if rest.hasPrefix(":") {
                port = Int(rest.dropFirst())
                guard port != nil else { throw Self.invalid(text) }
            } else if !rest.isEmpty {
                throw Self.invalid(text)
            }
        } else if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
            port = Int(host[host.index(after: colon)...])
            guard port != nil else { throw Self.invalid(text) }
            host = host[..<colon]
        }
        guard !host.isEmpty else { throw Self.invalid(text) }
        if let port, !(1...65535).contains(port) { throw Self.invalid(text) }
        return RouterOSEndpoint(host: String(host), port: port, tls: tls)
    }

    private static func invalid(_ text: String) -> RouterOSError {
        RouterOSError(code: .invalidRequest, message: "not a router address: \(text) (expected HOST[:PORT])")
    }

    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)\(tls == nil ? "" : " (TLS)")"
    }
}
