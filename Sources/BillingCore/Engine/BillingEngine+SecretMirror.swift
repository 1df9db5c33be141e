import Foundation

/// Read access for the secret mirror (ServerRuntime's reconcile with `/ppp/secret`).
extension BillingEngine {
    /// Everything the mirror of `nasID` needs, or nil for an unknown NAS. Subscribers are those of
    /// the NAS's ISP whose status is `active` and whose service allows PPP, sorted by username;
    /// passwords are opened from the sealed credentials here and nowhere else.
    public func secretMirrorSource(for nasID: NASID) -> SecretMirrorSource? {
        let snapshot: (NASDevice, [ServicePackage], [PPPProfile], [Subscriber])? = read { state in
            guard let nas = state.nasDevices[nasID] else { return nil }
            let packages = state.packages.values.filter { $0.ispID == nas.ispID && !$0.isArchived }
                .sorted { $0.id < $1.id }
            let profiles = state.pppProfiles.values.filter { $0.ispID == nas.ispID }.sorted { $0.id < $1.id }
            let subscribers = state.subscribers.values.filter {
                $0.ispID == nas.ispID && $0.status == .active && $0.serviceType != .hotspot
            }
            return (nas, packages, profiles, subscribers)
        }
        guard let (nas, packages, profiles, subscribers) = snapshot else { return nil }
        var mirrored: [SecretMirrorSource.Subscriber] = []
        var skipped = 0
        for subscriber in subscribers {
            guard let opened = try? sealer.open(subscriber.sealedCredential),
                let credential = SubscriberCredential(decoding: opened), let password = credential.password
            else {
                skipped += 1
                continue
            }
            mirrored.append(SecretMirrorSource.Subscriber(
                id: subscriber.id, username: subscriber.username, password: password,
                serviceType: subscriber.serviceType, packageID: subscriber.packageID,
                staticIPv4: subscriber.staticIPv4, macBinding: subscriber.macBinding))
        }
        mirrored.sort { $0.username < $1.username }
        return SecretMirrorSource(
            nas: nas, packages: packages, pppProfiles: profiles, subscribers: mirrored,
            skippedWithoutPassword: skipped)
    }
}
