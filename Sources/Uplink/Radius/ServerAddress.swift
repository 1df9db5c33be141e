import ArgumentParser
import NIOCore

/// Parses the SERVER argument of the packet tools: `HOST`, `HOST:PORT`, `[IPv6]:PORT` or a
/// bare IPv6 address, where HOST may be a name (resolved once, as radtest does).
enum ServerAddress {
    static func resolve(_ text: String, defaultPort: Int) throws -> SocketAddress {
        var host = text
        var port = defaultPort
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let number = Int(rest.dropFirst()) else {
                    throw ValidationError("SERVER must be HOST[:PORT] or [IPv6]:PORT")
                }
                port = number
            }
        } else if let colon = text.firstIndex(of: ":"), text.lastIndex(of: ":") == colon {
            host = String(text[..<colon])
            guard let number = Int(text[text.index(after: colon)...]) else {
                throw ValidationError("SERVER must be HOST[:PORT] or [IPv6]:PORT")
            }
            port = number
        }
        guard (1...65_535).contains(port) else { throw ValidationError("the server port must be 1...65535") }
        guard !host.isEmpty else { throw ValidationError("SERVER needs a host") }
        do {
            return try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw ValidationError("cannot resolve \(host): \(error)")
        }
    }
}
