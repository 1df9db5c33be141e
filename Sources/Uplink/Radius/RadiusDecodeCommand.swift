import ArgumentParser
import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary

/// `uplink radius decode HEX`: prints the packet as JSON (see `PacketDescription`).
struct RadiusDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a RADIUS packet given as hex and print it as JSON."
    )

    @Argument(help: "The packet (UDP payload) as hex; spaces and colons are ignored.")
    var hex: String

    @OptionGroup var options: RadiusToolOptions

    @Flag(name: .long, help: "Pretty-print the JSON.")
    var pretty = false

    func run() throws {
        guard let bytes = HexCoding.decode(hex) else { throw ValidationError("HEX is not hexadecimal") }
        let dictionary = try options.loadDictionary()
        do {
            let description = try PacketDescription.describe(
                ByteBuffer(bytes: bytes), dictionary: dictionary, secret: options.sharedSecret,
                requestAuthenticator: try options.parsedRequestAuthenticator())
            print(description.jsonString(pretty: pretty))
        } catch let error as RADIUSDecodingError {
            FileHandle.standardError.write(Data("error: not a valid RADIUS packet: \(error.reason.rawValue) at offset \(error.offset)\n".utf8))
            throw ExitCode.failure
        }
    }
}
