import Foundation
import Testing

/// Locates `../shared/conformance` relative to the package root (found from `#filePath`).
/// Tests use `try ConformanceFiles.directory()`, which FAILS the test when it is missing.
enum ConformanceFiles {
    /// Error raised when the conformance material cannot be found.
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "conformance directory missing: \(path)" }
    }

    /// The package root: the nearest ancestor of this file holding Package.swift.
    static func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: filePath).deletingLastPathComponent()
    }

    /// `<package root>/../shared/conformance`, or an error (never a skip) when absent.
    static func directory() throws -> URL {
        let url = packageRoot().deletingLastPathComponent().appendingPathComponent("shared/conformance")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Missing(path: url.path)
        }
        return url
    }

    /// A file below the conformance directory, which must exist.
    static func file(_ relativePath: String) throws -> URL {
        let url = try directory().appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }
}
