import BillingCore
import RouterOSAPI

/// Computes a ``MirrorPlan``: desired state versus what the router printed (pure; the reconcile's
/// heart, tested without a router).
///
/// - Only entries whose comment starts with `uplink:` are changed or removed; an unowned entry
///   with a name Uplink wants is reported as a conflict and left alone.
/// - A property is compared the way RouterOS prints it: `yes`/`true` and `no`/`false` are the
///   same, an empty value equals an unset one, rate limits compare by meaning (`10M` = `10000k`).
///   A password the router does not print (an API user without the `sensitive` policy) is not
///   compared.
/// - Only differing properties are sent in a `set`; a property Uplink no longer wants is cleared.
public enum MirrorPlanner {
    public static func plan(
        desired: MirrorDesiredState, secrets actualSecrets: [PPPSecret], profiles actualProfiles: [RouterOSAPI.PPPProfile]
    ) -> MirrorPlan {
        var plan = MirrorPlan(operations: [], conflicts: [], unchangedProfiles: 0, unchangedSecrets: 0)
        var removals: [MirrorPlan.Operation] = []

        let profilesByName = Dictionary(actualProfiles.compactMap { p in p.name.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        let wantedProfiles = Set(desired.profiles.map(\.name))
        for profile in desired.profiles {
            guard let actual = profilesByName[profile.name] else {
                plan.operations.append(.addProfile(written(profile)))
                continue
            }
            guard MirrorNaming.isOwned(comment: actual.comment), let id = actual.id else {
                plan.conflicts.append("/ppp/profile \(profile.name) exists and is not Uplink's; left as is")
                continue
            }
            let (changes, fields) = differences(profile, actual)
            if fields.isEmpty {
                plan.unchangedProfiles += 1
            } else {
                plan.operations.append(.setProfile(id: id, name: profile.name, changes: changes, fields: fields))
            }
        }
        for actual in actualProfiles where MirrorNaming.isOwned(comment: actual.comment) {
            guard let name = actual.name, !wantedProfiles.contains(name), let id = actual.id else { continue }
            removals.append(.removeProfile(id: id, name: name))
        }

        let secretsByName = Dictionary(actualSecrets.compactMap { s in s.name.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        let wantedSecrets = Set(desired.secrets.map(\.name))
        for actual in actualSecrets where MirrorNaming.isOwned(comment: actual.comment) {
            guard let name = actual.name, !wantedSecrets.contains(name), let id = actual.id else { continue }
            plan.operations.append(.removeSecret(id: id, name: name))
        }
        for secret in desired.secrets {
            guard let actual = secretsByName[secret.name] else {
                plan.operations.append(.addSecret(written(secret)))
                continue
            }
            guard MirrorNaming.isOwned(comment: actual.comment), let id = actual.id else {
                plan.conflicts.append("/ppp/secret \(secret.name) exists and is not Uplink's; left as is")
                continue
            }
            let (changes, fields) = differences(secret, actual)
            if fields.isEmpty {
                plan.unchangedSecrets += 1
            } else {
                plan.operations.append(.setSecret(id: id, name: secret.name, changes: changes, fields: fields))
            }
        }
        plan.operations += removals
        return plan
    }

    // MARK: Profiles

    static func written(_ profile: MirrorDesiredState.Profile) -> RouterOSAPI.PPPProfile {
        RouterOSAPI.PPPProfile(
            name: profile.name, localAddress: profile.localAddress, remoteAddress: profile.remoteAddress,
            rateLimit: profile.rateLimit, onlyOne: profile.onlyOne, addressList: profile.addressList,
            comment: profile.comment)
    }

    private static func differences(_ desired: MirrorDesiredState.Profile, _ actual: RouterOSAPI.PPPProfile)
        -> (RouterOSAPI.PPPProfile, [String])
    {
        var changes = RouterOSAPI.PPPProfile()
        var fields: [String] = []
        if !sameRate(desired.rateLimit, actual.rateLimit) {
            changes.rateLimit = desired.rateLimit
            fields.append("rate-limit")
        }
        if !same(desired.localAddress, actual.localAddress) {
            changes.localAddress = desired.localAddress ?? ""
            fields.append("local-address")
        }
        if !same(desired.remoteAddress, actual.remoteAddress) {
            changes.remoteAddress = desired.remoteAddress ?? ""
            fields.append("remote-address")
        }
        if !same(desired.addressList, actual.addressList) {
            changes.addressList = desired.addressList ?? ""
            fields.append("address-list")
        }
        if let onlyOne = desired.onlyOne, !sameFlag(onlyOne, actual.onlyOne) {
            changes.onlyOne = onlyOne
            fields.append("only-one")
        }
        if !same(desired.comment, actual.comment) {
            changes.comment = desired.comment
            fields.append("comment")
        }
        return (changes, fields)
    }

    // MARK: Secrets

    static func written(_ secret: MirrorDesiredState.Secret) -> PPPSecret {
        PPPSecret(
            name: secret.name, password: secret.password, service: secret.service, callerID: secret.callerID,
            profile: secret.profile, remoteAddress: secret.remoteAddress, disabled: true, comment: secret.comment)
    }

    private static func differences(_ desired: MirrorDesiredState.Secret, _ actual: PPPSecret) -> (PPPSecret, [String]) {
        var changes = PPPSecret()
        var fields: [String] = []
        if let password = actual.password, password != desired.password {
            changes.password = desired.password
            fields.append("password")
        }
        if !same(desired.service, actual.service) {
            changes.service = desired.service
            fields.append("service")
        }
        if !same(desired.profile, actual.profile) {
            changes.profile = desired.profile
            fields.append("profile")
        }
        if !same(desired.remoteAddress, actual.remoteAddress) {
            changes.remoteAddress = desired.remoteAddress ?? ""
            fields.append("remote-address")
        }
        if !same(desired.callerID, actual.callerID) {
            changes.callerID = desired.callerID ?? ""
            fields.append("caller-id")
        }
        if actual.disabled != true {
            changes.disabled = true
            fields.append("disabled")
        }
        if !same(desired.comment, actual.comment) {
            changes.comment = desired.comment
            fields.append("comment")
        }
        return (changes, fields)
    }

    // MARK: Comparisons

    /// Empty and unset are the same.
    static func same(_ desired: String?, _ actual: String?) -> Bool {
        (desired ?? "") == (actual ?? "")
    }

    /// `yes`/`true`, `no`/`false`.
    static func sameFlag(_ desired: String, _ actual: String?) -> Bool {
        RouterOSValue.bool(desired) == RouterOSValue.bool(actual) || desired == actual
    }

    /// Rate limits by meaning when both parse, by text otherwise.
    static func sameRate(_ desired: String, _ actual: String?) -> Bool {
        guard let actual else { return false }
        if let left = try? RateLimit(parsing: desired), let right = try? RateLimit(parsing: actual) {
            return left == right
        }
        return desired == actual
    }
}
