import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary
import RADIUSPcap

/// Turns the datagrams of one capture, in capture order, into JSON lines and notes: the part
/// `uplink pcap` and `uplink sniff` share.
///
/// Every datagram first goes through `RADIUSExchangePairing`, so a response carries the
/// authenticator of its request and its Response Authenticator and Message-Authenticator can
/// be checked (RFC 2865 §3, RFC 3579 §3.2). A datagram that is not a valid RADIUS packet gives
/// a note instead of a line; nothing here traps on capture data.
struct CapturedPacketFormatter {
    /// What one datagram produced: at most one JSON line, and notes for stderr.
    struct Output {
        var line: String?
        var notes: [String] = []
    }

    let dictionary: RADIUSDictionary
    let secret: SharedSecret?
    private var pairing = RADIUSExchangePairing()
    private let encoder: JSONEncoder

    init(dictionary: RADIUSDictionary, secret: SharedSecret?) {
        self.dictionary = dictionary
        self.secret = secret
        encoder = JSONEncoder()
        // The same formatting as `PacketDescription.jsonString()`.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    mutating func format(_ datagram: CapturedDatagram) -> Output {
        var output = Output()
        let place = "frame \(datagram.frameNumber) (\(Self.endpoint(datagram.sourceAddress, datagram.sourcePort)) > "
            + "\(Self.endpoint(datagram.destinationAddress, datagram.destinationPort)))"
        if let truncation = datagram.truncation {
            output.notes.append("\(place): \(truncation)")
        }
        var requestAuthenticator: RADIUSAuthenticator?
        var requestFrame: Int?
        if case let .response(request) = pairing.observe(datagram) {
            requestAuthenticator = RADIUSAuthenticator(bytes: request.authenticator)
            requestFrame = request.frameNumber
        }
        let packet: PacketDescription
        do {
            packet = try PacketDescription.describe(
                ByteBuffer(bytes: datagram.payload), dictionary: dictionary, secret: secret,
                requestAuthenticator: requestAuthenticator)
        } catch {
            output.notes.append("\(place): not a valid RADIUS packet (\(Self.explain(error, datagram.payload)))")
            return output
        }
        let line = CapturedPacketLine(packet: packet, datagram: datagram, requestFrame: requestFrame)
        do {
            output.line = String(decoding: try encoder.encode(line), as: UTF8.self)
        } catch {
            output.notes.append("\(place): cannot print as JSON: \(error)")
        }
        return output
    }

    /// The decoder's reason plus the header fields a reader needs to see why (RFC 2865 §3).
    static func explain(_ error: RADIUSDecodingError, _ payload: [UInt8]) -> String {
        var text = "\(error.reason.rawValue) at offset \(error.offset)"
        if payload.count >= 4 {
            text += ": Code \(payload[0]), Length field \(Int(payload[2]) << 8 | Int(payload[3])),"
        } else {
            text += ":"
        }
        return text + " \(payload.count) bytes captured"
    }

    static func endpoint(_ address: String, _ port: UInt16) -> String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
