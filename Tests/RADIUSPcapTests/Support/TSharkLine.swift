import Foundation

/// The fields of one `*.tshark.jsonl` line that the capture layer must reproduce.
struct TSharkLine: Decodable, Equatable {
    var pcap: String
    var frame: Int
    var timeEpoch: String
    var src: String
    var dst: String
    var sport: UInt16
    var dport: UInt16
    var udpPayloadHex: String

    enum CodingKeys: String, CodingKey {
        case pcap, frame, src, dst, sport, dport
        case timeEpoch = "time_epoch"
        case udpPayloadHex = "udp_payload_hex"
    }

    /// Every line of a jsonl file, in order.
    static func load(_ url: URL) throws -> [TSharkLine] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map { line in
            try JSONDecoder().decode(TSharkLine.self, from: Data(line.utf8))
        }
    }
}
