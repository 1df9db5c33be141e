import Foundation
import RouterOSAPI

/// A self-signed certificate for API-SSL tests, made by the `openssl` command line tool (Debian
/// package `openssl`) in a fresh temporary directory: EC P-256, CN `localhost`, SAN 127.0.0.1 and
/// `localhost`, valid two days. The test server serves it with `Configuration.tls`; clients pin
/// `fingerprint` (SHA-256 of the DER certificate, what `/certificate print` shows on a router).
public struct RouterOSTestCertificate: Sendable {
    /// Why a certificate could not be made.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The temporary directory holding both files; `remove()` deletes it.
    public let directory: URL
    /// PEM certificate file.
    public let certificateFile: String
    /// PEM private key file (unencrypted).
    public let keyFile: String
    /// SHA-256 fingerprint of the certificate, as `openssl x509 -fingerprint -sha256` prints it.
    public let fingerprint: RouterOSCertificateFingerprint

    /// Makes a new key and certificate; throws `Failure` when `openssl` is missing or fails.
    public static func make() throws -> RouterOSTestCertificate {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("uplink-routeros-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        _ = try openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
        // e.g. "sha256 Fingerprint=AB:CD:…"
        let output = try openssl(["x509", "-in", certificate, "-noout", "-fingerprint", "-sha256"])
        let text = output.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
        guard let fingerprint = RouterOSCertificateFingerprint(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw Failure(description: "openssl printed no SHA-256 fingerprint: \(output)") }
        return RouterOSTestCertificate(
            directory: directory, certificateFile: certificate, keyFile: key, fingerprint: fingerprint)
    }

    /// Deletes the temporary directory.
    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private static func openssl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.first ?? "") failed with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
