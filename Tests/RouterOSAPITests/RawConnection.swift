import NIOCore
import NIOPosix
import RouterOSAPI

/// A bare API connection for tests that must send exactly what they choose (no login, no tags).
struct RawConnection {
    let port: Int

    static func open(port: Int) async throws -> RawConnection {
        RawConnection(port: port)
    }

    /// Sends one sentence and collects replies until the server closes the connection.
    func exchange(_ words: [String]) async throws -> [RouterOSSentence] {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(ByteToMessageHandler(RouterOSSentenceDecoder()))
                    try sync.addHandler(MessageToByteHandler(RouterOSSentenceEncoder()))
                    return try NIOAsyncChannel<RouterOSSentence, RouterOSSentence>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(RouterOSSentence(words))
            var replies: [RouterOSSentence] = []
            for try await sentence in inbound {
                replies.append(sentence)
            }
            return replies
        }
    }
}
