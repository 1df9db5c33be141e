import ArgumentParser
import Foundation
import RADIUSCore
import RADIUSDictionary

/// Options shared by the packet tools: secret, request authenticator, dictionary directory.
struct RadiusToolOptions: ParsableArguments {
    @Option(name: .long, help: "Shared secret: check authenticators and reveal hidden attributes.")
    var secret: String?

    @Option(name: .long, help: "Authenticator of the request a reply answers (32 hex digits).")
    var requestAuthenticator: String?

    @Option(name: .long, help: "Dictionary directory (loads 'dictionary', then 'dictionary.local').")
    var dictionary: String = "dictionaries"

    func loadDictionary() throws -> RADIUSDictionary {
        do {
            return try DictionaryLoader.load(directory: dictionary)
        } catch {
            throw ValidationError("dictionary: \(error.description)")
        }
    }

    var sharedSecret: SharedSecret? { secret.map(SharedSecret.init) }

    func parsedRequestAuthenticator() throws -> RADIUSAuthenticator? {
        guard let requestAuthenticator else { return nil }
        guard let value = RADIUSAuthenticator(hex: requestAuthenticator) else {
            throw ValidationError("--request-authenticator must be 32 hexadecimal digits")
        }
        return value
    }
}
