import NIOCore
import NIOPosix
import RADIUSCore
import Synchronization

/// A NAS's `/radius incoming` on 127.0.0.1, port 0: records every Disconnect/CoA-Request it gets
/// and answers each one as told (ACK, NAK with an Error-Cause, or silence).
public final class CoATestNAS: Sendable {
    public enum Answer: Sendable {
        case ack
        case nak(errorCause: UInt32)
        case silence
    }

    private final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        typealias OutboundOut = AddressedEnvelope<ByteBuffer>

        let nas: CoATestNAS

        init(nas: CoATestNAS) { self.nas = nas }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            guard let reply = nas.receive(envelope.data) else { return }
            context.writeAndFlush(wrapOutboundOut(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: reply)), promise: nil)
        }
    }

    private struct State {
        var answer: Answer
        var received: [RADIUSPacket] = []
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    public let secret: SharedSecret
    /// Signs answers with this secret instead (a forged or misconfigured NAS).
    public let replySecret: SharedSecret?
    private let state: Mutex<State>
    private let channel = Mutex<(any Channel)?>(nil)

    public init(secret: SharedSecret = SharedSecret("testing123"), replySecret: SharedSecret? = nil, answer: Answer = .ack) {
        self.secret = secret
        self.replySecret = replySecret
        self.state = Mutex(State(answer: answer))
    }

    /// Binds 127.0.0.1:0 and returns the port.
    public func start() async throws -> Int {
        let bound = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Handler(nas: self)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        channel.withLock { $0 = bound }
        return bound.localAddress?.port ?? 0
    }

    public func stop() async {
        if let bound = channel.withLock({ $0 }) { try? await bound.close() }
    }

    public func setAnswer(_ answer: Answer) { state.withLock { $0.answer = answer } }

    /// Every request received so far (retransmissions included), decoded.
    public var received: [RADIUSPacket] { state.withLock { $0.received } }

    /// Returns once `count` requests arrived.
    public func waitForRequests(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.received.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Records a request and builds the reply (nil for silence or an unverifiable request).
    private func receive(_ datagram: ByteBuffer) -> ByteBuffer? {
        guard let header = try? RADIUSPacketHeader.validate(datagram),
            (try? PacketVerifier.verifyRequest(datagram, header: header, secret: secret)) != nil
        else { return nil }
        let packet = RADIUSPacket(validated: datagram, header: header)
        let (answer, ready) = state.withLock { state -> (Answer, [CheckedContinuation<Void, Never>]) in
            state.received.append(packet)
            let count = state.received.count
            let ready = state.waiters.filter { $0.count <= count }.map(\.continuation)
            state.waiters.removeAll { $0.count <= count }
            return (state.answer, ready)
        }
        for continuation in ready { continuation.resume() }
        let ackCode: RADIUSCode = header.code == .disconnectRequest ? .disconnectACK : .coaACK
        let nakCode: RADIUSCode = header.code == .disconnectRequest ? .disconnectNAK : .coaNAK
        var reply: RADIUSPacket
        switch answer {
        case .silence:
            return nil
        case .ack:
            reply = RADIUSPacket(code: ackCode, identifier: header.identifier)
        case .nak(let cause):
            reply = RADIUSPacket(code: nakCode, identifier: header.identifier)
            reply.append(.errorCause, cause)
        }
        return reply.signed(secret: replySecret ?? secret, requestAuthenticator: header.authenticator, messageAuthenticator: true)
    }
}
