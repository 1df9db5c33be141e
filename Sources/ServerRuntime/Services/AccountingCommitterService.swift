import ServiceLifecycle

/// Keeps the accounting writer thread alive for the life of the server and, at shutdown (after
/// the listener has drained), commits whatever is still queued before the process exits.
struct AccountingCommitterService: Service {
    let committer: AccountingGroupCommitter

    func run() async throws {
        committer.start()
        try? await gracefulShutdown()
        committer.stop()
    }
}
