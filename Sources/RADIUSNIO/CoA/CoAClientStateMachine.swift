import NIOCore
import RADIUSCore

/// The RFC 5176 client as a value: Identifier allocation per destination, retransmission and
/// timeout as timer events, and matching of verified answers. It does no I/O and knows no clock;
/// ``CoAClientHandler`` runs the actions it returns, and tests drive it with plain events
/// (swift-style.md §4.3 item 6, house rule 4).
///
/// - Identifiers: 256 per destination (address and port), handed out round-robin so a late answer
///   to a finished request is unlikely to meet a new request with the same Identifier — and if it
///   does, its Response Authenticator (computed over the old Request Authenticator) fails
///   verification. When all 256 are in flight, further requests wait in order.
/// - Retransmission (RFC 5080 §2.2.1): the same datagram again, so the NAS can detect the
///   duplicate; timers carry the transmission number so a stale timer is ignored.
/// - Answers (RFC 5176 §3, §2.3): accepted only from the destination, with the Identifier of a
///   pending request, an ACK or NAK Code of the request's kind, and a valid Response
///   Authenticator (and Message-Authenticator, if present), checked by `PacketVerifier`.
public struct CoAClientStateMachine {
    /// Something the handler must do.
    public enum Action: Equatable, Sendable {
        /// Write `datagram` to `destination`.
        case send(CoARequestID, datagram: ByteBuffer, to: SocketAddress)
        /// Call ``timerFired(_:transmission:)`` after `delay` (replacing the request's timer).
        case scheduleTimer(CoARequestID, transmission: Int, delay: TimeAmount)
        /// The request ended; cancel its timer and hand `response` to the caller.
        case complete(CoARequestID, CoAResponse)
        /// The request ended without an answer because the client is shutting down.
        case fail(CoARequestID)
        /// A datagram was ignored (metrics and `.debug` logs only).
        case drop(DropReason)
    }

    /// Why a received datagram was ignored.
    public enum DropReason: String, Hashable, Sendable {
        /// Not a well-formed RADIUS packet.
        case malformed
        /// From an address no request went to, or with an Identifier not in flight.
        case unexpected
        /// A Code that does not answer the pending request's kind.
        case wrongCode = "wrong_code"
        /// Response Authenticator or Message-Authenticator did not verify.
        case badAuthenticator = "bad_authenticator"
    }

    private struct Pending {
        var request: CoARequest
        var identifier: UInt8
        var requestAuthenticator: RADIUSAuthenticator
        var datagram: ByteBuffer
        var transmissions: Int
    }

    private struct Destination {
        /// Identifier → request in flight.
        var inFlight: [UInt8: CoARequestID] = [:]
        /// The Identifier to try first next time.
        var nextIdentifier: UInt8 = 0
        /// Requests waiting for a free Identifier, oldest first.
        var waiting: [CoARequestID] = []
    }

    private let configuration: CoAClientConfiguration
    private var nextID: UInt64 = 1
    private var pending: [CoARequestID: Pending] = [:]
    private var queued: [CoARequestID: CoARequest] = [:]
    private var destinations: [SocketAddress: Destination] = [:]
    private var isShutDown = false

    /// Creates a machine; `firstIdentifier` lets tests start anywhere in 0…255.
    public init(configuration: CoAClientConfiguration, firstIdentifier: UInt8 = 0) {
        self.configuration = configuration
        self.firstIdentifier = firstIdentifier
    }

    private let firstIdentifier: UInt8

    /// Requests sent and not yet answered.
    public var inFlightCount: Int { pending.count }
    /// Requests waiting for a free Identifier.
    public var waitingCount: Int { queued.count }

    // MARK: Events

    /// A new request: sent at once if its destination has a free Identifier, queued otherwise.
    public mutating func start(_ request: CoARequest) -> (CoARequestID, [Action]) {
        let id = CoARequestID(rawValue: nextID)
        nextID += 1
        guard !isShutDown else { return (id, [.fail(id)]) }
        if let identifier = allocateIdentifier(for: request.destination, id: id) {
            return (id, transmitFirst(id, request, identifier: identifier))
        }
        queued[id] = request
        destinations[request.destination, default: Destination(nextIdentifier: firstIdentifier)].waiting.append(id)
        return (id, [])
    }

    /// The timer scheduled after the `transmission`-th send fired: retransmit or time out.
    public mutating func timerFired(_ id: CoARequestID, transmission: Int) -> [Action] {
        guard var entry = pending[id], entry.transmissions == transmission else { return [] }
        guard entry.transmissions < configuration.maximumTransmissions else {
            let response = CoAResponse(result: .timeout, transmissions: entry.transmissions)
            return finish(id, entry, with: .complete(id, response))
        }
        entry.transmissions += 1
        pending[id] = entry
        return [
            .send(id, datagram: entry.datagram, to: entry.request.destination),
            .scheduleTimer(
                id, transmission: entry.transmissions,
                delay: configuration.timeout(afterTransmission: entry.transmissions)),
        ]
    }

    /// A datagram arrived on the client socket from `source`.
    public mutating func received(_ datagram: ByteBuffer, from source: SocketAddress) -> [Action] {
        let header: RADIUSPacketHeader
        do {
            header = try RADIUSPacketHeader.validate(datagram)
        } catch {
            return [.drop(.malformed)]
        }
        guard let id = destinations[source]?.inFlight[header.identifier], let entry = pending[id] else {
            return [.drop(.unexpected)]
        }
        let kind = entry.request.kind
        guard header.code == kind.ackCode || header.code == kind.nakCode else { return [.drop(.wrongCode)] }
        do {
            try PacketVerifier.verifyResponse(
                datagram, header: header, requestAuthenticator: entry.requestAuthenticator,
                secret: entry.request.secret)
        } catch {
            return [.drop(.badAuthenticator)]
        }
        let packet = RADIUSPacket(validated: datagram, header: header)
        let response = CoAResponse(
            result: header.code == kind.ackCode ? .ack : .nak,
            errorCause: packet[.errorCause].map(CoAErrorCause.init(rawValue:)),
            transmissions: entry.transmissions)
        return finish(id, entry, with: .complete(id, response))
    }

    /// Ends every request (sent or waiting) with `.fail`; later `start`s fail at once.
    public mutating func shutdown() -> [Action] {
        isShutDown = true
        let ids = (Array(pending.keys) + Array(queued.keys)).sorted()
        pending = [:]
        queued = [:]
        destinations = [:]
        return ids.map { .fail($0) }
    }

    // MARK: Internals

    private mutating func allocateIdentifier(for destination: SocketAddress, id: CoARequestID) -> UInt8? {
        var state = destinations[destination] ?? Destination(nextIdentifier: firstIdentifier)
        defer { destinations[destination] = state }
        guard state.inFlight.count < 256 else { return nil }
        var candidate = state.nextIdentifier
        while state.inFlight[candidate] != nil { candidate &+= 1 }
        state.inFlight[candidate] = id
        state.nextIdentifier = candidate &+ 1
        return candidate
    }

    private mutating func transmitFirst(_ id: CoARequestID, _ request: CoARequest, identifier: UInt8) -> [Action] {
        let datagram = request.datagram(identifier: identifier)
        let authenticator = datagram.getBytes(at: datagram.readerIndex + 4, length: 16)
            .flatMap { RADIUSAuthenticator(bytes: $0) } ?? .zero
        pending[id] = Pending(
            request: request, identifier: identifier, requestAuthenticator: authenticator, datagram: datagram,
            transmissions: 1)
        return [
            .send(id, datagram: datagram, to: request.destination),
            .scheduleTimer(id, transmission: 1, delay: configuration.timeout(afterTransmission: 1)),
        ]
    }

    /// Frees the Identifier, ends the request, and starts the next waiting one of the destination.
    private mutating func finish(_ id: CoARequestID, _ entry: Pending, with action: Action) -> [Action] {
        pending[id] = nil
        let destination = entry.request.destination
        destinations[destination]?.inFlight[entry.identifier] = nil
        var actions = [action]
        while var state = destinations[destination], !state.waiting.isEmpty {
            let next = state.waiting.removeFirst()
            destinations[destination] = state
            guard let request = queued.removeValue(forKey: next) else { continue }
            if let identifier = allocateIdentifier(for: destination, id: next) {
                actions += transmitFirst(next, request, identifier: identifier)
            }
            break
        }
        return actions
    }
}
