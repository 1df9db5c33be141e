import RADIUSDictionary
import RADIUSPcap

/// One output line of `uplink pcap` / `uplink sniff`: the packet exactly as `uplink radius
/// decode` prints it (`PacketDescription`, every key unchanged) plus where it was seen.
///
/// Added keys: `frame` (1-based, as tshark counts), `time` (epoch seconds as a string with
/// nanoseconds, like tshark's `frame.time_epoch`, so no precision is lost to floating point),
/// `src`, `dst` (IP addresses as text), `sport`, `dport` (UDP ports) and `request_frame` (the
/// frame of the request a response was paired with, or null).
struct CapturedPacketLine: Encodable {
    var packet: PacketDescription
    var datagram: CapturedDatagram
    var requestFrame: Int?

    enum CaptureKeys: String, CodingKey {
        case frame, time, src, dst, sport, dport
        case requestFrame = "request_frame"
    }

    func encode(to encoder: any Encoder) throws {
        try packet.encode(to: encoder)
        var container = encoder.container(keyedBy: CaptureKeys.self)
        try container.encode(datagram.frameNumber, forKey: .frame)
        try container.encode(datagram.timestamp.description, forKey: .time)
        try container.encode(datagram.sourceAddress, forKey: .src)
        try container.encode(datagram.destinationAddress, forKey: .dst)
        try container.encode(datagram.sourcePort, forKey: .sport)
        try container.encode(datagram.destinationPort, forKey: .dport)
        try container.encode(requestFrame, forKey: .requestFrame)
    }
}
