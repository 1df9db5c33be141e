import ArgumentParser

/// `uplink radius …`: packet tools for operators and scripts (decode, encode; `test` joins later).
struct RadiusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radius",
        abstract: "Decode and encode RADIUS packets (JSON contract in docs/radius-codec.md).",
        subcommands: [RadiusDecodeCommand.self, RadiusEncodeCommand.self]
    )
}
