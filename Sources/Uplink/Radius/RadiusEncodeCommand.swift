import ArgumentParser
import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary

/// `uplink radius encode`: reads the JSON of `decode` on stdin and prints the packet as hex.
struct RadiusEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode a RADIUS packet from JSON on stdin and print it as hex.",
        discussion: """
            The JSON has the shape `uplink radius decode` prints; only code (or code_name), id and \
            attributes are needed. With --secret, hidden attributes are hidden and authenticators \
            computed; a reply also needs --request-authenticator.
            """
    )

    @OptionGroup var options: RadiusToolOptions

    @Flag(name: .long, help: "Add a Message-Authenticator (placed first) and compute it.")
    var messageAuthenticator = false

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let description: PacketDescription
        do {
            description = try JSONDecoder().decode(PacketDescription.self, from: input)
        } catch {
            throw ValidationError("stdin is not a packet description: \(error)")
        }
        let dictionary = try options.loadDictionary()
        do {
            let bytes = try description.encode(
                dictionary: dictionary, secret: options.sharedSecret,
                requestAuthenticator: try options.parsedRequestAuthenticator(),
                addMessageAuthenticator: messageAuthenticator)
            print(HexCoding.encode(bytes.readableBytesView))
        } catch let error as PacketDescriptionError {
            throw ValidationError(error.message)
        }
    }
}
