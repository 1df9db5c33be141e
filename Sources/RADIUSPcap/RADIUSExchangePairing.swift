/// Pairs RADIUS responses with their requests in a capture so response authenticators
/// can be verified later (the verification itself belongs to the RADIUS codec).
///
/// Reads only the header: Code (byte 0), Identifier (byte 1) and Authenticator
/// (bytes 4..<20), RFC 2865 §3. A request is remembered under (client address, client
/// port, server address, server port, Identifier); a response looks up the same key with
/// its endpoints swapped. Which side is the client comes from the Code, not the port, so
/// captures with unusual ports (1645 → 1812, proxies) pair correctly.
///
/// A retransmitted request replaces the stored one; a response does not remove it, so
/// duplicate responses still match. Memory is bounded by `capacity`: past it, the oldest
/// requests are forgotten.
public struct RADIUSExchangePairing: Sendable {
    /// Default number of outstanding requests remembered (256 Identifiers × 256 clients).
    public static let defaultCapacity = 65_536
    /// Length of the RADIUS header: Code, Identifier, Length, Authenticator.
    static let headerLength = 20
    /// Stale queue slots tolerated before the eviction queue is rebuilt.
    static let queueSlack = 1024

    /// Maximum number of requests remembered.
    public let capacity: Int

    private struct Entry {
        var sequence: Int
        var request: MatchedRequest
    }

    private var entries: [RADIUSExchangeKey: Entry] = [:]
    private var insertionOrder: [(key: RADIUSExchangeKey, sequence: Int)] = []
    private var orderHead = 0
    private var nextSequence = 0

    /// Creates an empty pairing table remembering at most `capacity` requests (minimum 1).
    public init(capacity: Int = RADIUSExchangePairing.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// Number of requests currently remembered.
    public var outstandingCount: Int { entries.count }

    /// Classifies `datagram` and, for a response, returns the request it answers.
    /// Call in capture order.
    public mutating func observe(_ datagram: CapturedDatagram) -> RADIUSExchangeObservation {
        let payload = datagram.payload
        guard payload.count >= Self.headerLength else { return .tooShort }
        let code = payload[0]
        let identifier = payload[1]
        switch RADIUSPacketRole(code: code) {
        case .request:
            let key = RADIUSExchangeKey(
                clientAddress: datagram.sourceAddress, clientPort: datagram.sourcePort,
                serverAddress: datagram.destinationAddress, serverPort: datagram.destinationPort,
                identifier: identifier
            )
            remember(key, MatchedRequest(
                frameNumber: datagram.frameNumber,
                code: code,
                authenticator: Array(payload[4 ..< Self.headerLength])
            ))
            return .request
        case .response:
            let key = RADIUSExchangeKey(
                clientAddress: datagram.destinationAddress, clientPort: datagram.destinationPort,
                serverAddress: datagram.sourceAddress, serverPort: datagram.sourcePort,
                identifier: identifier
            )
            guard let entry = entries[key] else { return .unmatchedResponse }
            return .response(entry.request)
        case .unpaired:
            return .unpaired(code: code)
        }
    }

    /// Stores a request, evicting the oldest ones beyond `capacity`.
    private mutating func remember(_ key: RADIUSExchangeKey, _ request: MatchedRequest) {
        nextSequence += 1
        entries[key] = Entry(sequence: nextSequence, request: request)
        insertionOrder.append((key, nextSequence))
        while entries.count > capacity, orderHead < insertionOrder.count {
            let oldest = insertionOrder[orderHead]
            orderHead += 1
            // Skip queue slots made stale by a later retransmission of the same key.
            if entries[oldest.key]?.sequence == oldest.sequence {
                entries[oldest.key] = nil
            }
        }
        // Retransmissions and evictions leave stale queue slots; rebuild the queue from
        // the live entries once stale slots outnumber them, keeping memory proportional.
        if insertionOrder.count > 2 * entries.count + Self.queueSlack {
            insertionOrder = insertionOrder[orderHead...].filter { entries[$0.key]?.sequence == $0.sequence }
            orderHead = 0
        }
    }
}
