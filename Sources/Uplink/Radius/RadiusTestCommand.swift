import ArgumentParser
import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary

/// `uplink radius test` (like radtest): logs in as a NAS would, or sends accounting or a
/// Status-Server, checks that the reply is authentic, and prints it as JSON (the shape of
/// `uplink radius decode`).
///
/// Exit status: 0 Access-Accept or Accounting-Response; 1 Access-Reject (or another authentic
/// answer such as Access-Challenge); 2 no reply, or a reply that does not verify.
struct RadiusTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send an Access-Request (or accounting, or Status-Server) and print the verified reply.",
        discussion: """
            Exit status: 0 Accept/Response, 1 Reject, 2 timeout or a reply that does not verify. \
            With --accounting or --status, PASSWORD is not used (give any word, e.g. -). \
            SERVER defaults to port 1812, or 1813 with --accounting.
            """
    )

    @Argument(help: "User-Name.") var user: String
    @Argument(help: "Password (not sent for --accounting/--status).") var password: String
    @Argument(help: "Server as HOST[:PORT] or [IPv6]:PORT.") var server: String
    @Argument(help: "Shared secret.") var secret: String

    @Option(help: "pap, chap, mschap or mschapv2.") var method: RadiusTestRequest.Method = .pap
    @Option(name: .customLong("nas-ip"), help: "NAS-IP-Address (or NAS-IPv6-Address) to send.") var nasIP = "127.0.0.1"
    @Option(name: .customLong("nas-identifier"), help: "NAS-Identifier to send.") var nasIdentifier: String?
    @Option(name: .customLong("nas-port"), help: "NAS-Port to send.") var nasPort: UInt32 = 0
    @Option(help: "Seconds to wait for a reply to each send.") var timeout: Double = 3
    @Option(help: "Times to resend the request when no reply came.") var retries: Int = 2

    @Option(help: "Send an Accounting-Request instead: start, interim or stop.")
    var accounting: RadiusTestRequest.AccountingStatus?
    @Option(name: .customLong("session-id"), help: "Acct-Session-Id (default: a random one).") var sessionID: String?
    @Option(name: .customLong("input-octets"), help: "Octets from the user (64-bit; Gigawords sent as needed).")
    var inputOctets: UInt64 = 0
    @Option(name: .customLong("output-octets"), help: "Octets to the user (64-bit; Gigawords sent as needed).")
    var outputOctets: UInt64 = 0
    @Option(name: .customLong("session-time"), help: "Acct-Session-Time in seconds (interim/stop).") var sessionTime: UInt32?

    @Flag(help: "Send a Status-Server (RFC 5997) instead.") var status = false

    @Option(help: "Dictionary directory for printing the reply.") var dictionary = "dictionaries"
    @Flag(help: "Pretty-print the JSON.") var pretty = false

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        guard (0...20).contains(retries) else { throw ValidationError("--retries must be 0...20") }
        if status, accounting != nil { throw ValidationError("use either --status or --accounting") }
    }

    func run() async throws {
        let dictionary = try loadDictionary()
        let target = try ServerAddress.resolve(server, defaultPort: accounting == nil ? 1812 : 1813)
        let sharedSecret = SharedSecret(secret)
        let request = try makeRequest(secret: sharedSecret)
        let exchange = RadiusUDPExchange(
            server: target, timeout: .nanoseconds(Int64(timeout * 1e9)), retries: retries)
        let outcome = try await exchange.run(request: request.bytes, identifier: request.identifier)
        guard let reply = outcome.reply else {
            Self.note("error: no reply from \(server) after \(outcome.attempts) attempt(s) of \(timeout) s")
            throw ExitCode(2)
        }
        let check = RadiusTestReplyCheck(reply: reply, request: request, secret: sharedSecret)
        if let description = try? PacketDescription.describe(
            reply, dictionary: dictionary, secret: sharedSecret, requestAuthenticator: request.authenticator)
        {
            print(description.jsonString(pretty: pretty))
        }
        let name = check.code?.description ?? "reply"
        let checks = check.passed.isEmpty ? "" : "; " + check.passed.joined(separator: ", ")
        Self.note("\(name) from \(server) (id \(request.identifier), attempt \(outcome.attempts))\(checks)")
        check.warnings.forEach { Self.note("warning: \($0)") }
        check.problems.forEach { Self.note("error: \($0)") }
        let code = check.exitStatus
        if code != 0 { throw ExitCode(code) }
    }

    private func makeRequest(secret: SharedSecret) throws -> RadiusTestRequest {
        let nas = RadiusTestRequest.NAS(address: nasIP, identifier: nasIdentifier, port: nasPort)
        let identifier = CryptoPrimitives.randomBytes(1).first ?? 0
        if status {
            return try .status(nas: nas, secret: secret, identifier: identifier)
        }
        if let accounting {
            let session = sessionID ?? "uplink-" + HexCoding.encode(CryptoPrimitives.randomBytes(4))
            return try .accounting(
                user: user,
                accounting: .init(status: accounting, sessionID: session, inputOctets: inputOctets,
                                  outputOctets: outputOctets, sessionTime: sessionTime),
                nas: nas, secret: secret, identifier: identifier)
        }
        return try .access(user: user, password: password, method: method, nas: nas, secret: secret, identifier: identifier)
    }

    private func loadDictionary() throws -> RADIUSDictionary {
        do {
            return try DictionaryLoader.load(directory: dictionary)
        } catch {
            throw ValidationError("dictionary: \(error.description)")
        }
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
