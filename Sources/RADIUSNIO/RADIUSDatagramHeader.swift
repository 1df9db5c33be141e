import NIOCore

/// The fixed 20-byte RADIUS header (RFC 2865 §3), read without decoding any attribute.
///
/// The transport needs only this much to drop malformed datagrams cheaply and to detect
/// retransmissions; the full codec lives in `RADIUSCore` and runs in the processor.
public struct RADIUSDatagramHeader: Hashable, Sendable {
    /// Request Codes the transport knows by number (RFC 2865 §3, RFC 2866 §3, RFC 5997 §3).
    public enum Code {
        /// Access-Request (RFC 2865 §4.1).
        public static let accessRequest: UInt8 = 1
        /// Accounting-Request (RFC 2866 §4.1).
        public static let accountingRequest: UInt8 = 4
        /// Status-Server (RFC 5997 §3).
        public static let statusServer: UInt8 = 12
    }

    /// Size of the header, and so the smallest valid packet (RFC 2865 §3).
    public static let minimumLength = 20
    /// Largest valid packet (RFC 2865 §3: "The maximum length is 4096").
    public static let maximumLength = 4096

    /// The Code field: the packet type.
    public var code: UInt8
    /// The Identifier field, used to match replies and detect duplicates.
    public var identifier: UInt8
    /// The Length field: the packet's length including the header; bytes past it are padding.
    public var length: Int
    /// The first 8 bytes of the 16-byte Authenticator field, big-endian (part of the duplicate key).
    public var authenticatorHigh: UInt64
    /// The last 8 bytes of the 16-byte Authenticator field, big-endian.
    public var authenticatorLow: UInt64

    /// Creates a header from its fields.
    public init(code: UInt8, identifier: UInt8, length: Int, authenticatorHigh: UInt64, authenticatorLow: UInt64) {
        self.code = code
        self.identifier = identifier
        self.length = length
        self.authenticatorHigh = authenticatorHigh
        self.authenticatorLow = authenticatorLow
    }

    /// Reads and checks the header of a datagram (RFC 2865 §3).
    ///
    /// - Returns: the header, or the reason to drop the datagram: `too_short` when fewer than
    ///   20 bytes arrived, `bad_length` when the Length field is below 20, above 4096 or above
    ///   the number of bytes received. Bytes beyond Length are padding and are ignored.
    public static func validate(_ datagram: ByteBuffer) -> Result<RADIUSDatagramHeader, RADIUSDropReason> {
        let start = datagram.readerIndex
        guard datagram.readableBytes >= minimumLength,
            let code = datagram.getInteger(at: start, as: UInt8.self),
            let identifier = datagram.getInteger(at: start + 1, as: UInt8.self),
            let lengthField = datagram.getInteger(at: start + 2, as: UInt16.self),
            let high = datagram.getInteger(at: start + 4, as: UInt64.self),
            let low = datagram.getInteger(at: start + 12, as: UInt64.self)
        else {
            return .failure(.tooShort)
        }
        let length = Int(lengthField)
        guard length >= minimumLength, length <= maximumLength, length <= datagram.readableBytes else {
            return .failure(.badLength)
        }
        return .success(
            RADIUSDatagramHeader(
                code: code,
                identifier: identifier,
                length: length,
                authenticatorHigh: high,
                authenticatorLow: low
            )
        )
    }
}
