import NIOCore
import RADIUSCore

/// Builds the requests `uplink bench` sends: what a MikroTik NAS sends for PAP and CHAP logins
/// and for accounting, for users `user000000`… with passwords `pass000000`… (the demo bench
/// subscribers and the FreeRADIUS baseline's users).
struct BenchRequestFactory: Sendable {
    enum Mode: String, CaseIterable, Sendable {
        case pap
        case chap
        case acct
        /// Only Accounting-Starts, one new session per request: leaves that many sessions open.
        case acctStart = "acct-start"
    }

    let mode: Mode
    let secret: SharedSecret
    let users: Int

    /// The packet for request number `sequence` with RADIUS Identifier `identifier`.
    func packet(sequence: Int, identifier: UInt8) -> ByteBuffer {
        let index = users > 0 ? sequence % users : 0
        let name = "user" + Self.sixDigits(index)
        switch mode {
        case .pap, .chap:
            var packet = RADIUSPacket(code: .accessRequest, identifier: identifier, authenticator: .random())
            packet.append(.userName, name)
            let password = Array(("pass" + Self.sixDigits(index)).utf8)
            if mode == .pap {
                let hidden = UserPasswordHiding.hide(password, secret: secret, requestAuthenticator: packet.authenticator)
                packet.appendRaw(.userPassword, ByteBuffer(bytes: hidden))
            } else {
                let challenge = RADIUSAuthenticator.random().bytes
                let chapIdentifier = UInt8(truncatingIfNeeded: sequence)
                let response = CHAP.chapPassword(identifier: chapIdentifier, password: password, challenge: challenge)
                packet.appendRaw(.chapPassword, ByteBuffer(bytes: response))
                packet.appendRaw(.chapChallenge, ByteBuffer(bytes: challenge))
            }
            appendNASAttributes(to: &packet, index: index)
            return packet.signed(secret: secret, messageAuthenticator: true)
        case .acctStart:
            var packet = RADIUSPacket(code: .accountingRequest, identifier: identifier)
            packet.append(.userName, "user" + Self.sixDigits(users > 0 ? sequence % users : 0))
            packet.append(.acctStatusType, 1)
            packet.append(.acctSessionId, "open\(sequence)")
            appendNASAttributes(to: &packet, index: sequence)
            return packet.signed(secret: secret, messageAuthenticator: false)
        case .acct:
            // Sessions of five packets: Start, three cumulative Interim-Updates, Stop.
            let session = sequence / 5
            let step = sequence % 5
            var packet = RADIUSPacket(code: .accountingRequest, identifier: identifier)
            packet.append(.userName, "user" + Self.sixDigits(users > 0 ? session % users : 0))
            let status: UInt32 = step == 0 ? 1 : (step == 4 ? 2 : 3)
            packet.append(.acctStatusType, status)
            packet.append(.acctSessionId, "bench\(session)")
            appendNASAttributes(to: &packet, index: session)
            if status != 1 {
                let bytes = UInt64(step) * 1_500_000_000
                packet.append(.acctInputOctets, UInt32(truncatingIfNeeded: bytes))
                packet.append(.acctInputGigawords, UInt32(truncatingIfNeeded: bytes >> 32))
                packet.append(.acctOutputOctets, UInt32(truncatingIfNeeded: bytes * 4))
                packet.append(.acctOutputGigawords, UInt32(truncatingIfNeeded: (bytes * 4) >> 32))
                packet.append(.acctSessionTime, UInt32(step * 300))
            }
            if status == 2 { packet.append(.acctTerminateCause, 1) }
            return packet.signed(secret: secret, messageAuthenticator: false)
        }
    }

    private func appendNASAttributes(to packet: inout RADIUSPacket, index: Int) {
        packet.append(.nasIPAddress, IPv4Address(0x7F00_0001))
        packet.append(.nasIdentifier, "bench-nas")
        packet.append(.serviceType, 2)
        packet.append(.framedProtocol, 1)
        packet.append(.nasPortType, 15)
        packet.append(.callingStationId, Self.mac(index))
    }

    static func sixDigits(_ index: Int) -> String {
        let text = String(index)
        return text.count >= 6 ? text : String(repeating: "0", count: 6 - text.count) + text
    }

    static func mac(_ index: Int) -> String {
        let value = UInt64(index)
        return (0..<6).map { byte in
            let octet = byte < 2 ? 0x02 : UInt8(truncatingIfNeeded: value >> (8 * UInt64(5 - byte)))
            return String(octet, radix: 16, uppercase: true).leftPadded(to: 2)
        }.joined(separator: ":")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
