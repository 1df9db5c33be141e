import TOMLKit

/// Typed reads from a TOML table with errors that name the file and the key.
struct TOMLSectionReader {
    let source: String

    func fail(_ key: String, in section: String, _ message: String) -> ConfigurationError {
        let name = section.isEmpty ? key : "\(section).\(key)"
        return ConfigurationError(source: source, message: "\(name): \(message)")
    }

    func checkKeys(_ table: TOMLTable, allowed: Set<String>, in section: String) throws {
        for key in table.keys where !allowed.contains(key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw fail(key, in: section, "unknown key (known: \(known))")
        }
    }

    func table(_ table: TOMLTable, _ key: String) throws -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let inner = value.table else { throw fail(key, in: "", "must be a table ([\(key)])") }
        return inner
    }

    func string(_ table: TOMLTable, _ key: String, in section: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw fail(key, in: section, "must be a string") }
        return text
    }

    func strings(_ table: TOMLTable, _ key: String, in section: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        if let single = value.string { return [single] }
        guard let list = value.array else { throw fail(key, in: section, "must be a string or an array of strings") }
        return try list.map { item in
            guard let text = item.string else { throw fail(key, in: section, "must hold strings only") }
            return text
        }
    }

    func int(_ table: TOMLTable, _ key: String, in section: String, range: ClosedRange<Int>) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw fail(key, in: section, "must be an integer") }
        guard range.contains(number) else {
            throw fail(key, in: section, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    func port(_ table: TOMLTable, _ key: String, in section: String) throws -> Int? {
        try int(table, key, in: section, range: 0...65535)
    }

    func bool(_ table: TOMLTable, _ key: String, in section: String) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw fail(key, in: section, "must be true or false") }
        return flag
    }

    func choice(_ table: TOMLTable, _ key: String, in section: String, from options: [String]) throws -> String? {
        guard let text = try string(table, key, in: section) else { return nil }
        guard options.contains(text) else {
            throw fail(key, in: section, "\"\(text)\" is not one of \(options.joined(separator: ", "))")
        }
        return text
    }
}
