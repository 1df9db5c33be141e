import ArgumentParser
import BillingCore
import Foundation
import RouterOSAPI
import ServerRuntime

/// `uplink routeros sync --router NAME [--dry-run]`: reconciles the router's `/ppp/profile` and
/// `/ppp/secret` entries that Uplink owns with billing (the secret mirror), printing the plan and
/// what was done. For a router whose mirror mode is `off`, the desired state is empty, so a sync
/// removes the entries Uplink put there earlier.
///
/// Exit codes: 0 done (or nothing to do), 1 some changes were refused by the router, 3 the router
/// could not be reached or logged into, 64 bad usage.
struct RouterOSSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Mirror a router's subscribers as disabled /ppp secrets (reconcile; --dry-run prints the plan).",
        discussion: """
            Only entries whose comment starts with "uplink:" are added, changed or removed. Secrets are
            written disabled; the fallback script (uplink routeros fallback-script) enables them while
            RADIUS is unreachable. Passwords never appear in the output.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Router name as stored in Uplink.")
    var router: String

    @Flag(help: "Print the plan without changing the router.")
    var dryRun = false

    func run() async throws {
        let configuration = try common.resolve()
        let directory = try RouterDirectory.require(configuration)
        let nas = try directory.requireNAS(named: router)
        let resolved = try DatabaseRouterResolver.router(for: nas, tls: nil)
        guard let credentials = resolved.credentials else {
            throw ValidationError("router \(nas.name) has no stored RouterOS API password")
        }
        let desired: MirrorDesiredState
        if nas.secretMirror == .mirror, let source = directory.engine.secretMirrorSource(for: nas.id) {
            desired = MirrorDesiredState(source)
        } else {
            print("router \(nas.name) is not in mirror mode: removing what Uplink mirrored there before")
            desired = .empty
        }
        let client = try RouterOSClient(
            endpoint: resolved.endpoint, credentials: credentials,
            configuration: RouterOSClientConfiguration(maxConnections: 1, backoff: RouterOSBackoff(maxConnectAttempts: 1)))
        do {
            let plan = try await SecretMirrorSync.plan(desired: desired, client: client)
            for line in plan.lines { print(line) }
            if dryRun || plan.isEmpty {
                await client.shutdown()
                return
            }
            let progress = ProgressLine(total: plan.operations.count, label: "sync \(nas.name)")
            let report = try await SecretMirrorSync.apply(plan, desired: desired, client: client) { done, _ in
                progress.update(done)
            }
            progress.finish()
            await client.shutdown()
            for failure in report.failures { print("failed: \(failure)") }
            print("done: \(report.summary)")
            if !report.failures.isEmpty { throw ExitCode(1) }
        } catch let error as RouterOSError {
            await client.shutdown()
            FileHandle.standardError.write(Data("uplink routeros sync: \(RouterOSReplyPrinter.message(for: error))\n".utf8))
            throw ExitCode(3)
        }
    }
}
