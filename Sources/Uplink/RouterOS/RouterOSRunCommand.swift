import ArgumentParser
import Foundation
import NIOCore
import RouterOSAPI

/// `uplink routeros [run] --router HOST[:PORT] [--user U --password P] [--tls] COMMAND [WORD …]`:
/// runs one API command and prints the replies, for operators diagnosing a router.
///
/// Exit codes: 0 success, 1 the router answered `!trap`, 2 login failed, 3 connection, TLS, timeout
/// or `!fatal`, 64 bad usage.
struct RouterOSRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one API command and print the replies.",
        discussion: """
            WORDs: =name=value or name=value (attribute), ?query (e.g. ?name=alice, ?-disabled, ?#|),
            .proplist=a,b. Quote query words in the shell. The password may also come from the
            UPLINK_ROUTEROS_PASSWORD environment variable (keeps it out of the process list).
            Example: uplink routeros --router 10.0.0.1 --user api /ppp/active/print '?name=alice'
            """
    )

    /// Where to look up `--router`: router NAMEs in the database (of `--data`/`--config`) first,
    /// then the value as HOST[:PORT].
    func resolvers() throws -> [any RouterCredentialsResolver] {
        [DatabaseRouterResolver(configuration: try common.resolve()), DirectAddressResolver()]
    }

    @OptionGroup var common: CommonOptions

    @Option(help: "Router name known to Uplink, or address HOST[:PORT] (default port 8728, 8729 with --tls).")
    var router: String

    @Option(help: "API user (needs the api policy).")
    var user: String?

    @Option(help: "API password (or set UPLINK_ROUTEROS_PASSWORD).")
    var password: String?

    @Flag(help: "Use API-SSL (TLS); the certificate is verified (or, for a router NAME, matched against its stored pin) unless --insecure or --fingerprint.")
    var tls = false

    @Flag(help: "With --tls: do not verify the router's certificate.")
    var insecure = false

    @Option(help: "With --tls: accept only this SHA-256 certificate fingerprint (hex, colons allowed).")
    var fingerprint: String?

    @Option(help: "With --tls: PEM file of trusted CA certificates.")
    var caFile: String?

    @Option(help: "Login style: auto, plain or challenge.")
    var login = "auto"

    @Option(help: "Seconds to wait for connect, login and the answer.")
    var timeout = 10

    @Argument(help: "The command, e.g. /ppp/active/print.")
    var command: String

    @Argument(help: "Attribute, query and .proplist words.")
    var words: [String] = []

    func validate() throws {
        guard command.hasPrefix("/") else { throw ValidationError("COMMAND must start with / (e.g. /system/identity/print)") }
        guard ["auto", "plain", "challenge"].contains(login) else { throw ValidationError("--login must be auto, plain or challenge") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        if insecure || fingerprint != nil || caFile != nil, !tls {
            throw ValidationError("--insecure, --fingerprint and --ca-file need --tls")
        }
        if insecure, fingerprint != nil { throw ValidationError("use either --insecure or --fingerprint") }
        if let fingerprint, RouterOSCertificateFingerprint(fingerprint) == nil {
            throw ValidationError("--fingerprint must be 64 hex digits (SHA-256)")
        }
        _ = try request()
    }

    func run() async throws {
        let request = try request()
        do {
            let resolved = try await resolve()
            let credentials = RouterOSCredentials(
                user: user ?? resolved.credentials?.user ?? "admin",
                password: password ?? ProcessInfo.processInfo.environment["UPLINK_ROUTEROS_PASSWORD"]
                    ?? resolved.credentials?.password ?? "")
            let seconds = TimeAmount.seconds(Int64(timeout))
            let configuration = RouterOSClientConfiguration(
                commandTimeout: seconds, connectTimeout: seconds, loginTimeout: seconds, maxConnections: 1,
                loginMethod: login == "plain" ? .plain : (login == "challenge" ? .challenge : .automatic),
                backoff: RouterOSBackoff(maxConnectAttempts: 1))
            let client = try RouterOSClient(endpoint: resolved.endpoint, credentials: credentials, configuration: configuration)
            let response: RouterOSResponse
            do {
                response = try await client.execute(request)
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
            for line in RouterOSReplyPrinter.lines(for: response) {
                print(line)
            }
        } catch let error as RouterOSError {
            FileHandle.standardError.write(Data("uplink routeros: \(RouterOSReplyPrinter.message(for: error))\n".utf8))
            throw ExitCode(RouterOSReplyPrinter.exitCode(for: error))
        }
    }

    private func resolve() async throws -> ResolvedRouter {
        for resolver in try resolvers() {
            if let router = try await resolver.resolve(self.router, tls: tlsConfiguration()) { return router }
        }
        throw RouterOSError(code: .invalidRequest, message: "unknown router \(router)")
    }

    private func tlsConfiguration() -> RouterOSTLSConfiguration? {
        guard tls else { return nil }
        if insecure { return .insecure }
        if let fingerprint, let pin = RouterOSCertificateFingerprint(fingerprint) { return .pinned(pin) }
        return RouterOSTLSConfiguration(verification: .full, trustRootsFile: caFile)
    }

    /// Builds the request from COMMAND and WORDs.
    func request() throws -> RouterOSRequest {
        var attributes: [RouterOSAttribute] = []
        var queries: [RouterOSQuery] = []
        var proplist: [String]?
        for word in words {
            if word.hasPrefix("?") {
                queries.append(.raw(String(word.dropFirst())))
            } else if word.hasPrefix(".proplist=") {
                proplist = word.dropFirst(10).split(separator: ",").map(String.init)
            } else if word.hasPrefix(".") {
                throw ValidationError("\(word): only .proplist may be given; the client sets .tag itself")
            } else if let attribute = RouterOSAttribute(word: word.hasPrefix("=") ? word : "=" + word),
                word.hasPrefix("=") || word.contains("=")
            {
                attributes.append(attribute)
            } else {
                throw ValidationError("\(word): expected =name=value, name=value, ?query or .proplist=…")
            }
        }
        return RouterOSRequest(command, attributes: attributes, queries: queries, proplist: proplist)
    }
}
