/// A `SubscriberSecretSealer` for tests and demos without OpenSSL: XORs with a repeating key and
/// prefixes a marker. It hides nothing from anyone with the key or this source — never use it in
/// production; the runtime uses the OpenSSL sealer.
public struct InsecureTestSealer: SubscriberSecretSealer {
    private let key: [UInt8]
    private static let marker: [UInt8] = Array("T1".utf8)

    public init(key: String = "uplink-test-key") {
        self.key = Array(key.utf8.isEmpty ? "k".utf8 : key.utf8)
    }

    public func seal(_ plaintext: [UInt8]) throws -> [UInt8] {
        Self.marker + plaintext.enumerated().map { $0.element ^ key[$0.offset % key.count] }
    }

    public func open(_ sealed: [UInt8]) throws -> [UInt8] {
        guard sealed.starts(with: Self.marker) else { throw BillingError(.crypto, "not sealed by this sealer") }
        return sealed.dropFirst(Self.marker.count).enumerated().map { $0.element ^ key[$0.offset % key.count] }
    }
}
