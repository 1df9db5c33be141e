import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import RouterOSTestServer

/// `routeros-test-server`: runs `RouterOSTestServer` as a process for the Python integration tests.
///
/// Prints the bound port as the first line on stdout, then serves until stdin closes (the test
/// closes its pipe) or the process gets SIGTERM.
@main
struct RouterOSTestServerMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routeros-test-server",
        abstract: "A RouterOS API test server with an in-memory router, for integration tests."
    )

    @Option(help: "Address to bind (loopback only for tests).")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free port, printed on the first line of stdout.")
    var port = 0

    @Option(help: "API user name.")
    var user = "admin"

    @Option(help: "API password.")
    var password = ""

    @Option(help: "Login styles accepted: both, plain (RouterOS 6.45+) or challenge (pre-6.43).")
    var login = "both"

    @Flag(help: "Answer empty prints with !empty before !done (RouterOS 7.18+).")
    var empty = false

    @Option(help: "PEM certificate chain for API-SSL.")
    var tlsCert: String?

    @Option(help: "PEM private key for API-SSL.")
    var tlsKey: String?

    @Option(help: "A live PPP session of this user in /ppp/active at start (repeatable).")
    var pppActive: [String] = []

    @Option(help: "A logged-in hotspot user in /ip/hotspot/active at start (repeatable).")
    var hotspotActive: [String] = []

    func validate() throws {
        guard ["both", "plain", "challenge"].contains(login) else {
            throw ValidationError("--login must be both, plain or challenge")
        }
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
    }

    func run() async throws {
        let support: RouterOSTestServer.LoginSupport =
            switch login {
            case "plain": .plainOnly
            case "challenge": .challengeOnly
            default: .plainAndChallenge
            }
        var tls: (certificateFile: String, privateKeyFile: String)?
        if let tlsCert, let tlsKey { tls = (tlsCert, tlsKey) }
        var model = RouterOSTestModel.standard()
        for name in pppActive { _ = model.insert(["name": name, "service": "pppoe", "radius": "true"], into: "/ppp/active") }
        for name in hotspotActive { _ = model.insert(["user": name, "server": "hotspot1"], into: "/ip/hotspot/active") }
        let server = try await RouterOSTestServer.start(
            RouterOSTestServer.Configuration(
                host: host, port: port, users: [user: password], loginSupport: support, tls: tls, emitEmpty: empty,
                model: model))
        FileHandle.standardOutput.write(Data("\(server.port)\n".utf8))
        try await waitForStandardInputToClose()
        await server.stop()
    }

    /// Completes when stdin reaches end of file.
    private func waitForStandardInputToClose() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let closed = group.next().makePromise(of: Void.self)
        let channel = try await NIOPipeBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(EndOfInputHandler(closed: closed))
                }
            }
            .takingOwnershipOfDescriptor(input: FileHandle.standardInput.fileDescriptor)
            .get()
        try await closed.futureResult.get()
        try? await channel.close()
    }
}

/// Completes a promise when the input pipe ends; input itself is ignored.
private final class EndOfInputHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let closed: EventLoopPromise<Void>

    init(closed: EventLoopPromise<Void>) {
        self.closed = closed
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed.succeed(())
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .some(ChannelEvent.inputClosed) = event as? ChannelEvent {
            closed.succeed(())
        }
        context.fireUserInboundEventTriggered(event)
    }
}
