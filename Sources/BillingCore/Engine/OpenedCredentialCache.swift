/// Subscriber credentials already opened, so that an Access-Request does not pay for an
/// AES-GCM open (a cipher context, a key schedule: about 2 µs, a tenth of a PAP request) every
/// time. An entry is valid only while the subscriber still has the sealed bytes it was opened
/// from; a password change brings new bytes and the next request opens those.
///
/// The cleartext is in memory either way (every request opens it, and the key that opens all of
/// them is in memory); the database keeps only sealed bytes.
struct OpenedCredentialCache: Sendable {
    private struct Entry: Sendable {
        var sealed: [UInt8]
        var credential: SubscriberCredential
    }

    private var entries: [SubscriberID: Entry] = [:]

    var count: Int { entries.count }

    /// The opened credential of `subscriber`, opening (with `open`) and keeping it on a miss.
    /// Nil when the sealed bytes do not open.
    mutating func credential(
        of subscriber: Subscriber, open: ([UInt8]) -> SubscriberCredential?
    ) -> SubscriberCredential? {
        if let entry = entries[subscriber.id], entry.sealed == subscriber.sealedCredential {
            return entry.credential
        }
        guard let credential = open(subscriber.sealedCredential) else {
            entries[subscriber.id] = nil
            return nil
        }
        entries[subscriber.id] = Entry(sealed: subscriber.sealedCredential, credential: credential)
        return credential
    }

    /// Forgets a subscriber that no longer exists.
    mutating func remove(_ id: SubscriberID) {
        entries[id] = nil
    }
}
