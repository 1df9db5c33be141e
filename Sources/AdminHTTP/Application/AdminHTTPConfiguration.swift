import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Settings of the admin HTTP API. Plain values with documented defaults; `ServerRuntime` fills
/// them from the configuration file.
public struct AdminHTTPConfiguration: Sendable {
    /// Address the listener binds (default `127.0.0.1`).
    public var host: String
    /// TCP port (default 8080; 0 = any free port).
    public var port: Int
    /// Lifetime of a bearer token issued by `POST /api/v1/auth/login` (default 12 h).
    public var tokenLifetime: TimeInterval
    /// bcrypt cost for account passwords (default 12; tests use 4, the minimum).
    public var bcryptCost: UInt8
    /// Failed logins allowed per account and per source address inside `loginWindow` (default 5).
    public var maxLoginFailures: Int
    /// The sliding window for `maxLoginFailures` (default 15 min).
    public var loginWindow: TimeInterval
    /// Largest request body accepted, in bytes (default 1 MiB).
    public var maxBodyBytes: Int
    /// Largest `per_page` of a list (default 500).
    public var maxPageSize: Int
    /// Take the client address from the first `X-Forwarded-For` entry (only behind a trusted
    /// reverse proxy; default false).
    public var trustForwardedFor: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 8080, tokenLifetime: TimeInterval = 12 * 3600, bcryptCost: UInt8 = 12,
        maxLoginFailures: Int = 5, loginWindow: TimeInterval = 15 * 60, maxBodyBytes: Int = 1 << 20,
        maxPageSize: Int = 500, trustForwardedFor: Bool = false
    ) {
        self.host = host
        self.port = port
        self.tokenLifetime = tokenLifetime
        self.bcryptCost = bcryptCost
        self.maxLoginFailures = maxLoginFailures
        self.loginWindow = loginWindow
        self.maxBodyBytes = maxBodyBytes
        self.maxPageSize = maxPageSize
        self.trustForwardedFor = trustForwardedFor
    }
}
