import NIOCore
import RouterOSAPI
import Synchronization

/// One connection of the test server: login (plain and legacy challenge), `/quit`, `/cancel`,
/// `!fatal` before login, and every other command run against the shared model — subject to the
/// test hooks (silence, delay, held replies, `!fatal` on demand).
final class RouterOSTestServerHandler: ChannelInboundHandler {
    typealias InboundIn = RouterOSSentence
    typealias OutboundOut = RouterOSSentence

    private let connectionID: Int
    private let server: RouterOSTestServer
    private var loggedIn = false
    private var challenge: [UInt8]?

    init(connectionID: Int, server: RouterOSTestServer) {
        self.connectionID = connectionID
        self.server = server
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        let id = connectionID
        server.state.withLock { state in
            state.channels[id] = channel
            state.connectionsAccepted += 1
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let id = connectionID
        server.state.withLock { state in
            state.channels[id] = nil
            state.held.removeAll { $0.connection == id }
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let sentence = unwrapInboundIn(data)
        guard let command = sentence.command else { return }
        switch command {
        case "/login":
            login(sentence, context: context)
        case "/quit":
            fatal("session terminated on request", context: context)
        case _ where !loggedIn:
            fatal("not logged in", context: context)
        default:
            run(command, sentence, context: context)
        }
    }

    // MARK: Login

    private func login(_ sentence: RouterOSSentence, context: ChannelHandlerContext) {
        let attributes = Dictionary(sentence.attributes.map { ($0.name, $0.value) }) { first, _ in first }
        let support = server.configuration.loginSupport
        let users = server.configuration.users
        let tag = sentence.tag
        if let name = attributes["name"], let password = attributes["password"], support != .challengeOnly {
            finishLogin(ok: users[name] == password, message: "invalid user name or password (6)", tag: tag, context: context)
        } else if let name = attributes["name"], let response = attributes["response"], let challenge {
            self.challenge = nil
            let expected = users[name].flatMap { RouterOSLegacyLogin.response(password: $0, challenge: Self.hex(challenge)) }
            finishLogin(ok: expected != nil && expected == response, message: "cannot log in", tag: tag, context: context)
        } else if support != .plainOnly {
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
            challenge = bytes
            send([RouterOSReply(kind: .done, attributes: [RouterOSAttribute("ret", Self.hex(bytes))], tag: tag)], context: context)
        } else {
            finishLogin(ok: false, message: "invalid user name or password (6)", tag: tag, context: context)
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    private func finishLogin(ok: Bool, message: String, tag: String?, context: ChannelHandlerContext) {
        server.state.withLock { state in
            if ok { state.logins += 1 } else { state.failedLogins += 1 }
        }
        if ok {
            loggedIn = true
            send([RouterOSReply(kind: .done, tag: tag)], context: context)
        } else {
            send(
                [
                    RouterOSReply(kind: .trap, attributes: [RouterOSAttribute("message", message)], tag: tag),
                    RouterOSReply(kind: .done, tag: tag),
                ], context: context)
        }
    }

    // MARK: Commands

    private func run(_ command: String, _ sentence: RouterOSSentence, context: ChannelHandlerContext) {
        let tag = sentence.tag
        var attributes = sentence.attributes
        for word in sentence.words.dropFirst() where word.hasPrefix(".proplist=") {
            attributes.append(RouterOSAttribute(".proplist", String(word.dropFirst(10))))
        }
        let id = connectionID
        let entry = RouterOSTestServerState.Received(connection: id, command: command, tag: tag)
        let decision = server.state.withLock { state -> Decision in
            let waiters = state.record(entry)
            if state.silent { return Decision(waiters: waiters, kind: .ignore) }
            if let reason = state.fatalOnNextCommand {
                state.fatalOnNextCommand = nil
                return Decision(waiters: waiters, kind: .fatal(reason))
            }
            if command == "/cancel" {
                let target = attributes.first { $0.name == "tag" }?.value
                let cancelled = state.held.contains { $0.connection == id && $0.tag == target }
                state.held.removeAll { $0.connection == id && $0.tag == target }
                return Decision(waiters: waiters, kind: .cancel(target: cancelled ? target : nil))
            }
            let outcome = state.model.execute(command: command, attributes: attributes, queries: sentence.queryWords)
            let replies = Self.replies(for: outcome, tag: tag, emitEmpty: state.emitEmpty)
            if state.heldCommands.contains(command) { return Decision(waiters: waiters, kind: .hold(replies)) }
            return Decision(waiters: waiters, kind: .reply(replies, delay: state.replyDelay))
        }
        for waiter in decision.waiters { waiter.resume() }
        switch decision.kind {
        case .ignore:
            break
        case .fatal(let reason):
            fatal(reason, context: context)
        case .cancel(let target):
            var replies: [RouterOSReply] = []
            if let target {
                let interrupted = [RouterOSAttribute("category", "2"), RouterOSAttribute("message", "interrupted")]
                replies += [RouterOSReply(kind: .trap, attributes: interrupted, tag: target), RouterOSReply(kind: .done, tag: target)]
            }
            send(replies + [RouterOSReply(kind: .done, tag: tag)], context: context)
        case .reply(let replies, let delay):
            guard let delay else { return send(replies, context: context) }
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: delay) { Self.write(replies, to: bound.value) }
        case .hold(let replies):
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let loop = context.eventLoop
            let held = RouterOSTestServerState.Held(connection: id, tag: tag) {
                loop.execute { Self.write(replies, to: bound.value) }
            }
            server.state.withLock { $0.held.append(held) }
        }
    }

    private struct Decision {
        enum Kind {
            case ignore
            case fatal(String)
            case cancel(target: String?)
            case reply([RouterOSReply], delay: TimeAmount?)
            case hold([RouterOSReply])
        }

        var waiters: [CheckedContinuation<Void, Never>]
        var kind: Kind
    }

    /// The reply sentences for a model outcome: `!re`…, optional `!empty`, `!done`; or `!trap`, `!done`.
    static func replies(for outcome: RouterOSTestModel.Outcome, tag: String?, emitEmpty: Bool) -> [RouterOSReply] {
        switch outcome {
        case .rows(let rows, let ret):
            var replies = rows.map { row in
                let ordered = row.sorted { ($0.key == ".id" ? "" : $0.key) < ($1.key == ".id" ? "" : $1.key) }
                return RouterOSReply(kind: .re, attributes: ordered.map { RouterOSAttribute($0.key, $0.value) }, tag: tag)
            }
            if rows.isEmpty, ret == nil, emitEmpty { replies.append(RouterOSReply(kind: .empty, tag: tag)) }
            replies.append(RouterOSReply(kind: .done, attributes: ret.map { [RouterOSAttribute("ret", $0)] } ?? [], tag: tag))
            return replies
        case .trap(let category, let message):
            var attributes = [RouterOSAttribute("message", message)]
            if let category { attributes.insert(RouterOSAttribute("category", String(category)), at: 0) }
            return [RouterOSReply(kind: .trap, attributes: attributes, tag: tag), RouterOSReply(kind: .done, tag: tag)]
        }
    }

    // MARK: Writing

    private func send(_ replies: [RouterOSReply], context: ChannelHandlerContext) {
        Self.write(replies, to: context)
    }

    private static func write(_ replies: [RouterOSReply], to context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        for reply in replies {
            context.write(NIOAny(reply.sentence), promise: nil)
        }
        context.flush()
    }

    private func fatal(_ reason: String, context: ChannelHandlerContext) {
        let sentence = RouterOSReply(kind: .fatal, bareWords: [reason]).sentence
        context.writeAndFlush(wrapOutboundOut(sentence)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
