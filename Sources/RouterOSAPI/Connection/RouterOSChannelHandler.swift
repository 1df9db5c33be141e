import Logging
import NIOCore
import NIOSSL

/// What a `RouterOSConnection` asks its channel handler to do.
enum RouterOSHandlerRequest: Sendable {
    /// Run one command under a fresh tag; the promise gets the whole response or the error.
    case command(RouterOSRequest, timeout: TimeAmount, EventLoopPromise<RouterOSResponse>)
}

/// How and when to log in; the promise completes when the router accepted or refused, or with
/// whatever closed the connection first (TLS failure, timeout).
struct RouterOSLoginParameters: Sendable {
    var credentials: RouterOSCredentials
    var method: RouterOSLoginMethod
    var timeout: TimeAmount
    var promise: EventLoopPromise<Void>
}

/// The NIO handler of a client connection: it owns the tags, promises and timers, and carries out
/// the actions of `RouterOSConnectionStateMachine`. All protocol decisions live in the machine.
final class RouterOSChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = RouterOSSentence
    typealias OutboundIn = RouterOSHandlerRequest
    typealias OutboundOut = RouterOSSentence

    private struct Pending {
        var promise: EventLoopPromise<RouterOSResponse>
        var timer: Scheduled<Void>?
    }

    private var machine = RouterOSConnectionStateMachine()
    private var loginPromise: EventLoopPromise<Void>?
    private var loginTimer: Scheduled<Void>?
    private var pending: [String: Pending] = [:]
    private var nextTag: UInt32 = 1
    private let logger: Logger
    private var login: RouterOSLoginParameters?

    /// The handler logs in as soon as the channel is active (TLS buffers the login until its
    /// handshake is done), so any failure before or during login reaches `login.promise`.
    init(login: RouterOSLoginParameters, logger: Logger) {
        self.login = login
        self.loginPromise = login.promise
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
        guard let login else { return }
        self.login = nil
        self.loginTimer = context.eventLoop.assumeIsolated().scheduleTask(in: login.timeout) {
            self.run(self.machine.loginTimedOut(), context: context)
        }
        run(machine.startLogin(credentials: login.credentials, method: login.method), context: context)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // The request is accepted here; its outcome travels in its own promise.
        promise?.succeed(())
        switch unwrapOutboundIn(data) {
        case .command(let request, let timeout, let responsePromise):
            let tag = String(nextTag)
            nextTag &+= 1
            pending[tag] = Pending(promise: responsePromise, timer: nil)
            let action = machine.commandRequested(request, tag: tag)
            if case .send = action {
                pending[tag]?.timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                    self.run(self.machine.commandTimedOut(tag: tag), context: context)
                }
                logger.trace("routeros command", metadata: ["routeros.tag": "\(tag)", "routeros.command": "\(request.command)"])
            }
            run(action, context: context)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let sentence = unwrapInboundIn(data)
        logger.trace("routeros reply", metadata: ["routeros.sentence": "\(sentence)"])
        run(machine.sentenceReceived(sentence), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        run(machine.connectionClosed(nil), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("routeros connection error", metadata: ["routeros.error": "\(error)"])
        run(machine.connectionClosed(Self.translate(error)), context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        let error = RouterOSError(code: .connectionClosed, message: "connection handler removed")
        failEverything(error)
    }

    private func run(_ action: RouterOSConnectionStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .none:
            break
        case .send(let sentence):
            context.writeAndFlush(wrapOutboundOut(sentence), promise: nil)
        case .loginSucceeded:
            loginTimer?.cancel()
            loginTimer = nil
            loginPromise?.succeed(())
            loginPromise = nil
        case .failLoginAndClose(let error):
            failEverything(error)
            context.close(promise: nil)
        case .succeedCommand(let tag, let response):
            complete(tag)?.succeed(response)
        case .failCommand(let tag, let error):
            complete(tag)?.fail(error)
        case .failCommandAndSend(let tag, let error, let sentence):
            complete(tag)?.fail(error)
            context.writeAndFlush(wrapOutboundOut(sentence), promise: nil)
        case .failAllAndClose(_, let error):
            failEverything(error)
            context.close(promise: nil)
        }
    }

    private func complete(_ tag: String) -> EventLoopPromise<RouterOSResponse>? {
        guard let entry = pending.removeValue(forKey: tag) else { return nil }
        entry.timer?.cancel()
        return entry.promise
    }

    private func failEverything(_ error: RouterOSError) {
        loginTimer?.cancel()
        loginTimer = nil
        loginPromise?.fail(error)
        loginPromise = nil
        let all = pending
        pending = [:]
        for entry in all.values {
            entry.timer?.cancel()
            entry.promise.fail(error)
        }
    }

    /// Maps errors raised in the pipeline (decoder, TLS, sockets) to `RouterOSError`.
    static func translate(_ error: any Error) -> RouterOSError {
        switch error {
        case let error as RouterOSError:
            return error
        case let error as RouterOSDecodingError:
            return RouterOSError(code: .protocolViolation, message: error.description)
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return RouterOSError(code: .tls, message: "TLS failure: \(error)")
        default:
            return RouterOSError(code: .connectionClosed, message: "connection failed: \(error)")
        }
    }
}
