import NIOCore
import NIOPosix

/// One RADIUS request/reply over UDP, as a NAS does it: send, wait `timeout`, send the same
/// datagram again up to `retries` times (RFC 5080 §2.2.1: a retransmission keeps Identifier and
/// Authenticator), and take the first datagram from the server carrying our Identifier.
/// Datagrams from other addresses or with other Identifiers are ignored.
struct RadiusUDPExchange: Sendable {
    var server: SocketAddress
    var timeout: TimeAmount
    var retries: Int

    /// The reply and how many times the request was sent; `reply` is nil after the last timeout.
    struct Outcome: Sendable {
        var reply: ByteBuffer?
        var attempts: Int
    }

    func run(request: ByteBuffer, identifier: UInt8) async throws -> Outcome {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = loop.makePromise(of: Outcome.self)
        let handler = RadiusExchangeHandler(exchange: self, request: request, identifier: identifier, promise: promise)
        let bindHost = server.protocol == .inet6 ? "::" : "0.0.0.0"
        let channel = try await DatagramBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(handler) }
            }
            .bind(host: bindHost, port: 0).get()
        do {
            let outcome = try await promise.futureResult.get()
            try? await channel.close()
            return outcome
        } catch {
            try? await channel.close()
            throw error
        }
    }
}
