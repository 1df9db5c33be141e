/// The protocol logic of one RouterOS API connection, as a value with no I/O (postgres-nio style).
///
/// Events come in as method calls (a sentence arrived, a command was requested, a timer fired, the
/// channel closed); each returns one `Action` for the channel handler to carry out. The machine covers
/// login (post-6.43 plain and the legacy challenge, mikrotik.md §7.5), several tagged commands in
/// flight at once (API docs "Tags"), `!re`/`!done`/`!trap`/`!empty` collection per tag, `!fatal`,
/// and command timeouts, which answer the caller at once and send `/cancel` for the abandoned tag.
struct RouterOSConnectionStateMachine {
    /// Where the connection is.
    enum State {
        case initialized
        case loggingIn(LoginStep, RouterOSCredentials, RouterOSLoginMethod)
        case ready(Commands)
        case closed(RouterOSError)
    }

    /// Which answer the login is waiting for.
    enum LoginStep: Equatable {
        case awaitingPlainAnswer
        case awaitingChallenge
        case awaitingChallengeAnswer
    }

    /// Commands in flight by tag, and tags whose late replies are swallowed after a timeout.
    struct Commands {
        var inFlight: [String: InFlight] = [:]
        var abandoned: Set<String> = []
    }

    /// Replies collected so far for one tag.
    struct InFlight {
        var rows: [RouterOSReply] = []
        var trap: RouterOSError?
        var wasEmpty = false
    }

    /// What the handler must do after an event.
    enum Action: Equatable {
        case none
        case send(RouterOSSentence)
        case loginSucceeded
        case failLoginAndClose(RouterOSError)
        case succeedCommand(tag: String, RouterOSResponse)
        case failCommand(tag: String, RouterOSError)
        case failCommandAndSend(tag: String, RouterOSError, RouterOSSentence)
        case failAllAndClose(tags: [String], RouterOSError)
    }

    private(set) var state: State = .initialized
    /// Most `!re` rows accepted for one command before it is failed (protects memory).
    let maxRowsPerCommand: Int

    init(maxRowsPerCommand: Int = 1_000_000) {
        self.maxRowsPerCommand = maxRowsPerCommand
    }

    /// Number of commands waiting for their `!done`.
    var inFlightCount: Int {
        if case .ready(let commands) = state { return commands.inFlight.count }
        return 0
    }

    // MARK: Login

    /// The connection is up: send the first login sentence.
    mutating func startLogin(credentials: RouterOSCredentials, method: RouterOSLoginMethod) -> Action {
        guard case .initialized = state else { return .none }
        switch method {
        case .automatic, .plain:
            state = .loggingIn(.awaitingPlainAnswer, credentials, method)
            return .send(RouterOSSentence(["/login", "=name=\(credentials.user)", "=password=\(credentials.password)"]))
        case .challenge:
            state = .loggingIn(.awaitingChallenge, credentials, method)
            return .send(RouterOSSentence(["/login"]))
        }
    }

    /// The login got no answer in time.
    mutating func loginTimedOut() -> Action {
        guard case .loggingIn = state else { return .none }
        let error = RouterOSError.timeout("login")
        state = .closed(error)
        return .failLoginAndClose(error)
    }

    private mutating func loginReply(
        _ reply: RouterOSReply,
        step: LoginStep,
        credentials: RouterOSCredentials,
        method: RouterOSLoginMethod
    ) -> Action {
        switch reply.kind {
        case .fatal:
            return failLogin(.fatal(reply.fatalReason))
        case .trap:
            return failLogin(.loginFailed(reply["message"] ?? "login refused"))
        case .done:
            break
        case .re, .empty, .unknown:
            return .none
        }
        switch (step, reply["ret"]) {
        case (.awaitingPlainAnswer, nil), (.awaitingChallengeAnswer, _):
            state = .ready(Commands())
            return .loginSucceeded
        case (.awaitingPlainAnswer, .some(let challenge)) where method == .automatic,
            (.awaitingChallenge, .some(let challenge)):
            guard let response = RouterOSLegacyLogin.response(password: credentials.password, challenge: challenge)
            else {
                return failLogin(RouterOSError(code: .protocolViolation, message: "login challenge is not hex"))
            }
            state = .loggingIn(.awaitingChallengeAnswer, credentials, method)
            return .send(RouterOSSentence(["/login", "=name=\(credentials.user)", "=response=\(response)"]))
        case (.awaitingPlainAnswer, .some):
            return failLogin(.loginFailed("router asked for the legacy challenge login, which is disabled"))
        case (.awaitingChallenge, nil):
            return failLogin(.loginFailed("router offered no login challenge (RouterOS 6.43+ needs plain login)"))
        }
    }

    private mutating func failLogin(_ error: RouterOSError) -> Action {
        state = .closed(error)
        return .failLoginAndClose(error)
    }

    // MARK: Commands

    /// The caller wants to run `request` under `tag` (unique per connection, chosen by the handler).
    mutating func commandRequested(_ request: RouterOSRequest, tag: String) -> Action {
        switch state {
        case .ready(var commands):
            guard commands.inFlight[tag] == nil, !commands.abandoned.contains(tag) else {
                return .failCommand(tag: tag, RouterOSError(code: .invalidRequest, message: "tag \(tag) in use"))
            }
            commands.inFlight[tag] = InFlight()
            state = .ready(commands)
            return .send(request.sentence.tagged(tag))
        case .initialized, .loggingIn:
            return .failCommand(tag: tag, RouterOSError(code: .connectionUnavailable, message: "not logged in"))
        case .closed(let error):
            return .failCommand(tag: tag, RouterOSError(code: .connectionUnavailable, message: error.description))
        }
    }

    /// The command under `tag` got no `!done` in time: fail it and cancel it on the router.
    mutating func commandTimedOut(tag: String) -> Action {
        guard case .ready(var commands) = state, commands.inFlight.removeValue(forKey: tag) != nil else {
            return .none
        }
        let cancelTag = "c\(tag)"
        commands.abandoned.insert(tag)
        commands.abandoned.insert(cancelTag)
        state = .ready(commands)
        let cancel = RouterOSSentence(["/cancel", "=tag=\(tag)", ".tag=\(cancelTag)"])
        return .failCommandAndSend(tag: tag, .timeout("command"), cancel)
    }

    // MARK: Replies and connection events

    /// A sentence arrived from the router.
    mutating func sentenceReceived(_ sentence: RouterOSSentence) -> Action {
        guard let reply = RouterOSReply(sentence) else { return .none }
        switch state {
        case .initialized, .closed:
            return .none
        case .loggingIn(let step, let credentials, let method):
            return loginReply(reply, step: step, credentials: credentials, method: method)
        case .ready(var commands):
            if reply.kind == .fatal {
                return closeAll(RouterOSError.fatal(reply.fatalReason))
            }
            guard let tag = reply.tag else { return .none }
            if commands.abandoned.contains(tag) {
                if reply.kind == .done {
                    commands.abandoned.remove(tag)
                    state = .ready(commands)
                }
                return .none
            }
            guard var command = commands.inFlight[tag] else { return .none }
            let action: Action
            switch reply.kind {
            case .re:
                guard command.rows.count < maxRowsPerCommand else {
                    commands.inFlight[tag] = nil
                    commands.abandoned.insert(tag)
                    state = .ready(commands)
                    let message = "more than \(maxRowsPerCommand) rows"
                    return .failCommand(tag: tag, RouterOSError(code: .protocolViolation, message: message))
                }
                command.rows.append(reply)
                commands.inFlight[tag] = command
                action = .none
            case .empty:
                command.wasEmpty = true
                commands.inFlight[tag] = command
                action = .none
            case .trap:
                if command.trap == nil {
                    let category = reply["category"].flatMap(Int.init).map(RouterOSTrapCategory.init(rawValue:))
                    command.trap = .trap(category: category, message: reply["message"] ?? "")
                }
                commands.inFlight[tag] = command
                action = .none
            case .done:
                commands.inFlight[tag] = nil
                if let trap = command.trap {
                    action = .failCommand(tag: tag, trap)
                } else {
                    action = .succeedCommand(tag: tag, RouterOSResponse(rows: command.rows, done: reply, wasEmpty: command.wasEmpty))
                }
            case .fatal, .unknown:
                action = .none
            }
            state = .ready(commands)
            return action
        }
    }

    /// The channel closed or failed (`error` says why; `nil` for a plain close by the peer).
    mutating func connectionClosed(_ error: RouterOSError?) -> Action {
        switch state {
        case .initialized, .loggingIn:
            return failLogin(error ?? RouterOSError(code: .connectionClosed, message: "connection closed during login"))
        case .ready:
            return closeAll(error ?? RouterOSError(code: .connectionClosed, message: "connection closed by router"))
        case .closed:
            return .none
        }
    }

    /// The owner closes the connection.
    mutating func closeRequested() -> Action {
        connectionClosed(RouterOSError(code: .shutdown, message: "connection closed by client"))
    }

    private mutating func closeAll(_ error: RouterOSError) -> Action {
        guard case .ready(let commands) = state else { return .none }
        state = .closed(error)
        return .failAllAndClose(tags: commands.inFlight.keys.sorted(), error)
    }
}
