@testable import RouterOSAPI
import Testing

/// The connection protocol driven as transcripts, no I/O (postgres-nio style).
@Suite("RouterOS connection state machine")
struct RouterOSConnectionStateMachineTests {
    typealias Machine = RouterOSConnectionStateMachine
    let credentials = RouterOSCredentials(user: "admin", password: "")

    private func loggedIn() -> Machine {
        var machine = Machine()
        _ = machine.startLogin(credentials: credentials, method: .automatic)
        _ = machine.sentenceReceived(RouterOSSentence(["!done"]))
        return machine
    }

    @Test("plain login: one sentence, !done logs in")
    func plainLogin() {
        var machine = Machine()
        #expect(machine.startLogin(credentials: credentials, method: .plain) == .send(RouterOSSentence(["/login", "=name=admin", "=password="])))
        #expect(machine.sentenceReceived(RouterOSSentence(["!done"])) == .loginSucceeded)
        #expect(machine.inFlightCount == 0)
    }

    @Test("automatic login falls back to the challenge when the router answers with =ret=")
    func automaticFallback() {
        var machine = Machine()
        _ = machine.startLogin(credentials: credentials, method: .automatic)
        let challenge = RouterOSSentence(["!done", "=ret=93b438ec9b80057c06dd9fe67d56aa9a"])
        #expect(machine.sentenceReceived(challenge) == .send(RouterOSSentence(["/login", "=name=admin", "=response=00e134102a9d330dd7b1849fedfea3cb57"])))
        #expect(machine.sentenceReceived(RouterOSSentence(["!done"])) == .loginSucceeded)
    }

    @Test("challenge login: bare /login first")
    func challengeLogin() {
        var machine = Machine()
        #expect(machine.startLogin(credentials: credentials, method: .challenge) == .send(RouterOSSentence(["/login"])))
        let challenge = RouterOSSentence(["!done", "=ret=93b438ec9b80057c06dd9fe67d56aa9a"])
        #expect(machine.sentenceReceived(challenge) == .send(RouterOSSentence(["/login", "=name=admin", "=response=00e134102a9d330dd7b1849fedfea3cb57"])))
        #expect(machine.sentenceReceived(RouterOSSentence(["!done"])) == .loginSucceeded)
    }

    @Test("plain-only login refuses a challenge; challenge-only refuses a missing challenge")
    func strictMethods() {
        var plain = Machine()
        _ = plain.startLogin(credentials: credentials, method: .plain)
        guard case .failLoginAndClose(let error) = plain.sentenceReceived(RouterOSSentence(["!done", "=ret=00"])) else {
            Issue.record("expected a login failure")
            return
        }
        #expect(error.code == .loginFailed)
        var challenge = Machine()
        _ = challenge.startLogin(credentials: credentials, method: .challenge)
        guard case .failLoginAndClose(let error2) = challenge.sentenceReceived(RouterOSSentence(["!done"])) else {
            Issue.record("expected a login failure")
            return
        }
        #expect(error2.code == .loginFailed)
    }

    @Test("a trap during login is a loginFailed error carrying the router's message")
    func failedLogin() {
        var machine = Machine()
        _ = machine.startLogin(credentials: credentials, method: .automatic)
        let trap = RouterOSSentence(["!trap", "=message=invalid user name or password (6)"])
        #expect(machine.sentenceReceived(trap) == .failLoginAndClose(.loginFailed("invalid user name or password (6)")))
        #expect(machine.sentenceReceived(RouterOSSentence(["!done"])) == .none)
        #expect(machine.commandRequested(RouterOSRequest("/system/identity/print"), tag: "1")
            == .failCommand(tag: "1", RouterOSError(code: .connectionUnavailable, message: "RouterOS loginFailed: invalid user name or password (6)")))
    }

    @Test("login timeout closes; a late answer is ignored")
    func loginTimeout() {
        var machine = Machine()
        _ = machine.startLogin(credentials: credentials, method: .plain)
        #expect(machine.loginTimedOut() == .failLoginAndClose(.timeout("login")))
        #expect(machine.sentenceReceived(RouterOSSentence(["!done"])) == .none)
    }

    @Test("commands before login are refused without being sent")
    func beforeLogin() {
        var machine = Machine()
        guard case .failCommand(_, let error) = machine.commandRequested(RouterOSRequest("/x/print"), tag: "1") else {
            Issue.record("expected failCommand")
            return
        }
        #expect(error.code == .connectionUnavailable)
    }

    @Test("two tagged commands in flight complete out of order")
    func interleavedTags() {
        var machine = loggedIn()
        #expect(machine.commandRequested(RouterOSRequest("/ppp/active/print"), tag: "1") == .send(RouterOSSentence(["/ppp/active/print", ".tag=1"])))
        #expect(machine.commandRequested(RouterOSRequest("/system/identity/print"), tag: "2") == .send(RouterOSSentence(["/system/identity/print", ".tag=2"])))
        #expect(machine.inFlightCount == 2)
        #expect(machine.sentenceReceived(RouterOSSentence(["!re", ".tag=1", "=name=alice"])) == .none)
        #expect(machine.sentenceReceived(RouterOSSentence(["!re", ".tag=2", "=name=MikroTik"])) == .none)
        let done2 = RouterOSReply(kind: .done, tag: "2")
        let row2 = RouterOSReply(kind: .re, attributes: [RouterOSAttribute("name", "MikroTik")], tag: "2")
        #expect(machine.sentenceReceived(done2.sentence) == .succeedCommand(tag: "2", RouterOSResponse(rows: [row2], done: done2)))
        #expect(machine.sentenceReceived(RouterOSSentence(["!re", ".tag=1", "=name=bob"])) == .none)
        guard case .succeedCommand("1", let response) = machine.sentenceReceived(RouterOSSentence(["!done", ".tag=1"])) else {
            Issue.record("expected tag 1 to succeed")
            return
        }
        #expect(response.rows.map { $0["name"] } == ["alice", "bob"])
        #expect(machine.inFlightCount == 0)
    }

    @Test("!trap then !done fails the command with category and message")
    func trap() {
        var machine = loggedIn()
        _ = machine.commandRequested(RouterOSRequest("/ppp/secret/add"), tag: "5")
        let trap = RouterOSSentence(["!trap", ".tag=5", "=category=1", "=message=failure: already have such entry"])
        #expect(machine.sentenceReceived(trap) == .none)
        #expect(machine.sentenceReceived(RouterOSSentence(["!done", ".tag=5"]))
            == .failCommand(tag: "5", .trap(category: .argumentValueFailure, message: "failure: already have such entry")))
    }

    @Test("!empty marks the response empty; !done carries =ret=")
    func emptyAndRet() {
        var machine = loggedIn()
        _ = machine.commandRequested(RouterOSRequest("/ppp/secret/print"), tag: "1")
        _ = machine.sentenceReceived(RouterOSSentence(["!empty", ".tag=1"]))
        guard case .succeedCommand(_, let response) = machine.sentenceReceived(RouterOSSentence(["!done", ".tag=1", "=ret=*5"])) else {
            Issue.record("expected success")
            return
        }
        #expect(response.wasEmpty)
        #expect(response.rows.isEmpty)
        #expect(response.ret == "*5")
    }

    @Test("!fatal fails every command in flight and closes")
    func fatal() {
        var machine = loggedIn()
        _ = machine.commandRequested(RouterOSRequest("/a/print"), tag: "1")
        _ = machine.commandRequested(RouterOSRequest("/b/print"), tag: "2")
        #expect(machine.sentenceReceived(RouterOSSentence(["!fatal", "session terminated on request"]))
            == .failAllAndClose(tags: ["1", "2"], .fatal("session terminated on request")))
        #expect(machine.connectionClosed(nil) == .none)
    }

    @Test("a timeout fails only that command, cancels it, and swallows its late replies")
    func timeout() {
        var machine = loggedIn()
        _ = machine.commandRequested(RouterOSRequest("/slow/print"), tag: "1")
        _ = machine.commandRequested(RouterOSRequest("/fast/print"), tag: "2")
        #expect(machine.commandTimedOut(tag: "1")
            == .failCommandAndSend(tag: "1", .timeout("command"), RouterOSSentence(["/cancel", "=tag=1", ".tag=c1"])))
        #expect(machine.commandTimedOut(tag: "1") == .none)
        #expect(machine.sentenceReceived(RouterOSSentence(["!re", ".tag=1", "=x=y"])) == .none)
        #expect(machine.sentenceReceived(RouterOSSentence(["!trap", ".tag=1", "=category=2", "=message=interrupted"])) == .none)
        #expect(machine.sentenceReceived(RouterOSSentence(["!done", ".tag=1"])) == .none)
        #expect(machine.sentenceReceived(RouterOSSentence(["!done", ".tag=c1"])) == .none)
        guard case .succeedCommand("2", _) = machine.sentenceReceived(RouterOSSentence(["!done", ".tag=2"])) else {
            Issue.record("tag 2 should still complete")
            return
        }
        #expect(machine.inFlightCount == 0)
    }

    @Test("untagged and unknown replies are ignored, not fatal")
    func strayReplies() {
        var machine = loggedIn()
        _ = machine.commandRequested(RouterOSRequest("/a/print"), tag: "1")
        #expect(machine.sentenceReceived(RouterOSSentence(["!done"])) == .none)
        #expect(machine.sentenceReceived(RouterOSSentence(["!done", ".tag=99"])) == .none)
        #expect(machine.sentenceReceived(RouterOSSentence(["!future", ".tag=1"])) == .none)
        #expect(machine.inFlightCount == 1)
    }

    @Test("a flood of rows is cut off at the limit")
    func rowLimit() {
        var machine = Machine(maxRowsPerCommand: 2)
        _ = machine.startLogin(credentials: credentials, method: .plain)
        _ = machine.sentenceReceived(RouterOSSentence(["!done"]))
        _ = machine.commandRequested(RouterOSRequest("/a/print"), tag: "1")
        _ = machine.sentenceReceived(RouterOSSentence(["!re", ".tag=1"]))
        _ = machine.sentenceReceived(RouterOSSentence(["!re", ".tag=1"]))
        guard case .failCommand("1", let error) = machine.sentenceReceived(RouterOSSentence(["!re", ".tag=1"])) else {
            Issue.record("expected the command to fail")
            return
        }
        #expect(error.code == .protocolViolation)
    }

    @Test("the connection closing fails what is in flight")
    func peerClose() {
        var machine = loggedIn()
        _ = machine.commandRequested(RouterOSRequest("/a/print"), tag: "1")
        guard case .failAllAndClose(["1"], let error) = machine.connectionClosed(nil) else {
            Issue.record("expected failAllAndClose")
            return
        }
        #expect(error.code == .connectionClosed)
    }
}
