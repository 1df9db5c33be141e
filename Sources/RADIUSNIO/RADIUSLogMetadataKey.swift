import Logging

/// The logger metadata keys of the RADIUS server, in one place so that log queries stay stable.
///
/// Values must never contain secrets or hidden attributes (passwords, shared secrets).
public enum RADIUSLogMetadataKey: String, Sendable, CaseIterable {
    /// Which listener the packet arrived on: `auth` or `acct`.
    case listener = "radius.listener"
    /// The source address and port of the packet.
    case peer = "radius.peer"
    /// The client table prefix that matched the source (identifies the NAS entry).
    case nas = "radius.nas"
    /// The packet Code, as a number.
    case code = "radius.code"
    /// The packet Identifier.
    case identifier = "radius.id"
    /// Why a packet was dropped (a ``RADIUSDropReason``).
    case reason = "radius.reason"
    /// The local address a socket is bound to.
    case localAddress = "radius.local_address"
    /// A count attached to a lifecycle log line (in-flight requests, dropped sources).
    case count = "radius.count"
    /// The description of an underlying error.
    case error = "radius.error"
}

extension Logger {
    /// Reads or sets a metadata value by its ``RADIUSLogMetadataKey``.
    subscript(radiusMetadataKey key: RADIUSLogMetadataKey) -> Logger.Metadata.Value? {
        get { self[metadataKey: key.rawValue] }
        set { self[metadataKey: key.rawValue] = newValue }
    }
}

extension Logger.Metadata {
    /// Reads or sets a metadata value by its ``RADIUSLogMetadataKey``.
    subscript(radius key: RADIUSLogMetadataKey) -> Logger.Metadata.Value? {
        get { self[key.rawValue] }
        set { self[key.rawValue] = newValue }
    }
}
