import Foundation
import NIOCore

/// Locates the shared conformance material (`../shared/conformance` next to the package
/// root) and loads it. Tests that use it FAIL when it is missing: `directory` throws.
public enum Conformance {
    /// Why the conformance material could not be used.
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "conformance material missing at \(path)" }
    }

    /// The package root, found from this file's location (Tests/TestSupport/Conformance.swift).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `../shared/conformance`, or an error when it does not exist.
    public static func directory() throws -> URL {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Missing(path: url.path)
        }
        return url
    }

    /// The repository's `dictionaries/` directory.
    public static var dictionariesDirectory: String { packageRoot.appendingPathComponent("dictionaries").path }

    /// A JSON file under the conformance directory.
    public static func json(_ relativePath: String) throws -> Any {
        let data = try Data(contentsOf: try directory().appendingPathComponent(relativePath))
        return try JSONSerialization.jsonObject(with: data)
    }

    /// Each line of a JSON Lines file as a dictionary.
    public static func jsonLines(_ relativePath: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: try directory().appendingPathComponent(relativePath), encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    /// Every regular file under `relativePath`, sorted.
    public static func files(under relativePath: String) throws -> [URL] {
        let root = try directory().appendingPathComponent(relativePath)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw Missing(path: root.path)
        }
        var files: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// Hex helpers for tests.
public enum Hex {
    /// Bytes from hex text; empty on bad input (tests then fail on content).
    public static func bytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var pending: UInt8?
        for char in text.utf8 {
            let nibble: UInt8
            switch char {
            case 48...57: nibble = char - 48
            case 97...102: nibble = char - 87
            case 65...70: nibble = char - 55
            default: continue
            }
            if let high = pending {
                out.append(high << 4 | nibble)
                pending = nil
            } else {
                pending = nibble
            }
        }
        return out
    }

    /// A ByteBuffer from hex text.
    public static func buffer(_ text: String) -> ByteBuffer { ByteBuffer(bytes: bytes(text)) }

    /// Lowercase hex of bytes.
    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
