import BillingCore
import RouterOSAPI

/// The reconcile of one router: read `/ppp/profile` and `/ppp/secret`, plan the minimal changes
/// against billing (``MirrorPlanner``), apply them one by one, report. Used by
/// ``SecretMirrorService`` and by `uplink routeros sync`.
public enum SecretMirrorSync {
    /// Reads the router and plans; nothing is changed.
    public static func plan(desired: MirrorDesiredState, client: RouterOSClient) async throws -> MirrorPlan {
        let profiles = try await client.pppProfiles()
        let secrets = try await client.pppSecrets()
        return MirrorPlanner.plan(desired: desired, secrets: secrets, profiles: profiles)
    }

    /// Applies `plan` in order. A refused change is recorded and the rest go on; connection loss
    /// ends the sync with the error. `progress` gets (done, total) after each change.
    public static func apply(
        _ plan: MirrorPlan, desired: MirrorDesiredState, client: RouterOSClient,
        progress: (Int, Int) -> Void = { _, _ in }
    ) async throws -> MirrorReport {
        var report = MirrorReport()
        report.unchanged = plan.unchangedProfiles + plan.unchangedSecrets
        report.conflicts = plan.conflicts
        report.skippedWithoutPassword = desired.skippedWithoutPassword
        report.skippedWithoutPackage = desired.skippedWithoutPackage
        let total = plan.operations.count
        for (index, operation) in plan.operations.enumerated() {
            do {
                switch operation {
                case .addProfile(let profile):
                    try await client.addPPPProfile(profile)
                    report.added += 1
                case .setProfile(let id, _, let changes, _):
                    try await client.setPPPProfile(id: id, changes)
                    report.changed += 1
                case .removeProfile(let id, _):
                    try await client.remove(RouterOSAPI.PPPProfile.self, id: id)
                    report.removed += 1
                case .addSecret(let secret):
                    try await client.addPPPSecret(secret)
                    report.added += 1
                case .setSecret(let id, _, let changes, _):
                    try await client.setPPPSecret(id: id, changes)
                    report.changed += 1
                case .removeSecret(let id, _):
                    try await client.removePPPSecret(id: id)
                    report.removed += 1
                }
            } catch let error as RouterOSError where error.code == .trap {
                report.failures.append("\(operation.name): \(error.message)")
            }
            progress(index + 1, total)
        }
        return report
    }

    /// Plans and applies (or, with `dryRun`, only plans) for one router.
    public static func run(
        desired: MirrorDesiredState, client: RouterOSClient, dryRun: Bool = false,
        progress: (Int, Int) -> Void = { _, _ in }
    ) async throws -> (MirrorPlan, MirrorReport?) {
        let plan = try await plan(desired: desired, client: client)
        guard !dryRun else { return (plan, nil) }
        return (plan, try await apply(plan, desired: desired, client: client, progress: progress))
    }
}
