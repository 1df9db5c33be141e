import BillingStoreSQLite
import Foundation
import TOMLKit

extension UplinkConfiguration {
    /// Reads a TOML configuration file over the defaults. A missing file is an error only
    /// when `required` (the user named it); unknown keys are errors, so typos do not pass.
    public static func load(path: String, required: Bool) throws -> UplinkConfiguration {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw ConfigurationError(source: path, message: "no such file") }
            return UplinkConfiguration()
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError(source: path, message: "cannot read the file as UTF-8 text")
        }
        return try parse(toml: text, source: path)
    }

    /// Parses configuration text; `source` names it in errors.
    public static func parse(toml text: String, source: String) throws -> UplinkConfiguration {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(source: source, line: error.source.begin.line, message: error.description)
        }
        var config = UplinkConfiguration()
        let reader = TOMLSectionReader(source: source)
        try reader.checkKeys(root, allowed: ["server", "radius", "accounting", "security", "logging", "nas"], in: "")

        if let server = try reader.table(root, "server") {
            try reader.checkKeys(server, allowed: ["data_dir", "bind", "auth_port", "acct_port", "http_port", "threads", "durability"], in: "server")
            config.dataDirectory = try reader.string(server, "data_dir", in: "server") ?? config.dataDirectory
            config.bindAddresses = try reader.strings(server, "bind", in: "server") ?? config.bindAddresses
            config.authPort = try reader.port(server, "auth_port", in: "server") ?? config.authPort
            config.accountingPort = try reader.port(server, "acct_port", in: "server") ?? config.accountingPort
            config.httpPort = try reader.port(server, "http_port", in: "server") ?? config.httpPort
            config.threads = try reader.int(server, "threads", in: "server", range: 0...256) ?? config.threads
            if let text = try reader.string(server, "durability", in: "server") {
                guard let durability = SQLiteBillingStore.Durability(rawValue: text) else {
                    throw ConfigurationError(source: source, line: nil, message: "server.durability must be \"full\" or \"normal\", not \"\(text)\"")
                }
                config.durability = durability
            }
        }
        if let radius = try reader.table(root, "radius") {
            try reader.checkKeys(radius, allowed: ["dictionary_dir", "duplicate_cache_seconds", "duplicate_cache_entries", "max_in_flight", "require_message_authenticator"], in: "radius")
            config.dictionaryDirectory = try reader.string(radius, "dictionary_dir", in: "radius") ?? config.dictionaryDirectory
            config.duplicateCacheSeconds = try reader.int(radius, "duplicate_cache_seconds", in: "radius", range: 1...3600) ?? config.duplicateCacheSeconds
            config.duplicateCacheEntries = try reader.int(radius, "duplicate_cache_entries", in: "radius", range: 256...4_194_304) ?? config.duplicateCacheEntries
            config.maxInFlight = try reader.int(radius, "max_in_flight", in: "radius", range: 1...1_000_000) ?? config.maxInFlight
            config.requireMessageAuthenticator = try reader.bool(radius, "require_message_authenticator", in: "radius") ?? config.requireMessageAuthenticator
        }
        if let accounting = try reader.table(root, "accounting") {
            try reader.checkKeys(accounting, allowed: ["batch_max", "batch_wait_ms", "reaper_interval_multiple", "default_interim_seconds"], in: "accounting")
            config.accountingBatchMax = try reader.int(accounting, "batch_max", in: "accounting", range: 1...10_000) ?? config.accountingBatchMax
            config.accountingBatchWaitMilliseconds = try reader.int(accounting, "batch_wait_ms", in: "accounting", range: 0...1000) ?? config.accountingBatchWaitMilliseconds
            config.reaperIntervalMultiple = try reader.int(accounting, "reaper_interval_multiple", in: "accounting", range: 2...100) ?? config.reaperIntervalMultiple
            config.defaultInterimSeconds = try reader.int(accounting, "default_interim_seconds", in: "accounting", range: 10...86_400) ?? config.defaultInterimSeconds
        }
        if let security = try reader.table(root, "security") {
            try reader.checkKeys(security, allowed: ["secret_key", "secret_key_file", "password_hash_cost"], in: "security")
            config.secretKeyHex = try reader.string(security, "secret_key", in: "security")
            config.secretKeyFile = try reader.string(security, "secret_key_file", in: "security")
            if let cost = try reader.int(security, "password_hash_cost", in: "security", range: 4...16) {
                config.passwordHashCost = UInt8(cost)
            }
        }
        if let logging = try reader.table(root, "logging") {
            try reader.checkKeys(logging, allowed: ["level", "format"], in: "logging")
            config.logLevel = try reader.choice(logging, "level", in: "logging",
                from: ["trace", "debug", "info", "notice", "warning", "error", "critical"]) ?? config.logLevel
            config.logFormat = try reader.choice(logging, "format", in: "logging", from: ["json", "text"]) ?? config.logFormat
        }
        if let value = root["nas"] {
            guard let list = value.array else {
                throw ConfigurationError(source: source, message: "[[nas]] must be an array of tables")
            }
            for (index, item) in list.enumerated() {
                let where_ = "nas[\(index)]"
                guard let nas = item.table else {
                    throw ConfigurationError(source: source, message: "\(where_) must be a table")
                }
                try reader.checkKeys(nas, allowed: ["address", "secret", "nas_identifier", "isp", "require_message_authenticator", "counter_direction"], in: where_)
                guard let address = try reader.string(nas, "address", in: where_) else {
                    throw ConfigurationError(source: source, message: "\(where_).address is required")
                }
                guard let secret = try reader.string(nas, "secret", in: where_), !secret.isEmpty else {
                    throw ConfigurationError(source: source, message: "\(where_).secret is required")
                }
                guard let isp = try reader.string(nas, "isp", in: where_) else {
                    throw ConfigurationError(source: source, message: "\(where_).isp is required (the ISP whose subscribers this NAS serves)")
                }
                config.nasClients.append(ConfiguredNASClient(
                    address: address, secret: secret,
                    nasIdentifier: try reader.string(nas, "nas_identifier", in: where_),
                    isp: isp,
                    requireMessageAuthenticator: try reader.bool(nas, "require_message_authenticator", in: where_) ?? config.requireMessageAuthenticator,
                    counterDirection: try reader.choice(nas, "counter_direction", in: where_,
                        from: ["input-is-upload", "input-is-download"]) ?? "input-is-upload"
                ))
            }
        }
        return config
    }
}
