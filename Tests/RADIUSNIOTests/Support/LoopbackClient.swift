import NIOCore
import NIOPosix

/// A real UDP client socket on loopback (NIO DatagramBootstrap), for talking to a listener.
enum LoopbackClient {
    /// Sends `datagrams` to `server` from one socket (bound to `sourceHost`, default the loopback
    /// address of the server's family), runs `afterSending`, and returns the first `count` replies.
    ///
    /// Loopback does not lose datagrams; the calling test carries a time limit in case it does.
    static func exchange(
        _ datagrams: [ByteBuffer],
        with server: SocketAddress,
        from sourceHost: String? = nil,
        expecting count: Int,
        afterSending: @Sendable () async throws -> Void = {}
    ) async throws -> [AddressedEnvelope<ByteBuffer>] {
        let host = sourceHost ?? (server.protocol == .inet6 ? "::1" : "127.0.0.1")
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: host, port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(
                        wrappingChannelSynchronously: channel
                    )
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            for datagram in datagrams {
                try await outbound.write(AddressedEnvelope(remoteAddress: server, data: datagram))
            }
            try await afterSending()
            var replies: [AddressedEnvelope<ByteBuffer>] = []
            guard count > 0 else { return replies }
            for try await reply in inbound {
                replies.append(reply)
                if replies.count == count { break }
            }
            return replies
        }
    }

    /// Whether this machine can bind a UDP socket on `::1`.
    static let hasIPv6Loopback: Bool = {
        guard
            let channel = try? DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "::1", port: 0).wait()
        else {
            return false
        }
        try? channel.close().wait()
        return true
    }()
}
