import ArgumentParser

/// `uplink radius …`: packet tools for operators and scripts (decode, encode, test).
struct RadiusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radius",
        abstract: "Decode, encode and test RADIUS packets (JSON contract in docs/radius-codec.md).",
        subcommands: [RadiusDecodeCommand.self, RadiusEncodeCommand.self, RadiusTestCommand.self]
    )
}
