import NIOCore
import RADIUSCore
import RADIUSDictionary

/// The schema the harness decodes against: Uplink's dictionaries when the fuzzer runs from the
/// package root, else an empty schema (everything raw, still exercising the structure walk).
let fuzzSchema: any AttributeSchema = {
    if let dictionary = try? DictionaryLoader.load(directory: "dictionaries") { return dictionary }
    return EmptyAttributeSchema()
}()

/// The libFuzzer harness body: arbitrary bytes go through every decoder a server would run on
/// hostile input (header validation, verification, packet decode, structured decode, typed
/// access, credential check, re-encode) and through the bare attribute-list parser. None of it
/// may trap. Invariants that must hold are checked with `fuzzAssert`, which traps on purpose.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let buffer = ByteBuffer(bytes: UnsafeBufferPointer(start: data, count: size))
    let secret = SharedSecret("testing123")

    if let header = try? RADIUSPacketHeader.validate(buffer) {
        _ = try? PacketVerifier.verifyRequest(buffer, header: header, secret: secret)
        _ = MessageAuthenticator.verify(packet: buffer, header: header, secret: secret, requestAuthenticator: .zero)
        let packet = RADIUSPacket(validated: buffer, header: header)
        // Raw round trip: re-encoding reproduces the packet's Length octets exactly.
        fuzzAssert(packet.encoded() == buffer.getSlice(at: buffer.readerIndex, length: header.length), "raw round trip")
        exercise(packet.attributes, authenticator: packet.authenticator, secret: secret)
        _ = packet[.userName]
        _ = packet.all(.mikrotikRateLimit)
        _ = packet.tag(of: .tunnelType)
        _ = packet.concatenated(.eapMessage)
        _ = CredentialCheck.check(packet, secret: secret, credential: .cleartext("password"))
        _ = CredentialCheck.check(packet, secret: secret, credential: .ntHash([UInt8](repeating: 1, count: 16)))
        _ = packet.signed(secret: secret, requestAuthenticator: .zero, messageAuthenticator: true)
    }
    if let attributes = try? RADIUSAttribute.parseList(buffer) {
        exercise(attributes, authenticator: .zero, secret: secret)
    }
    return 0
}

/// Structured decode, re-encode and decode again.
func exercise(_ attributes: [RADIUSAttribute], authenticator: RADIUSAuthenticator, secret: SharedSecret) {
    let decoder = AttributeDecoder(schema: fuzzSchema, secret: secret, requestAuthenticator: authenticator)
    let structured = decoder.decode(attributes)
    for attribute in structured { _ = attribute.value.text }
    let encoder = AttributeEncoder(schema: fuzzSchema, secret: secret, requestAuthenticator: authenticator, salt: { 0x8001 })
    if let again = try? encoder.encode(structured) {
        _ = decoder.decode(again)
    }
}

/// Traps when an invariant breaks, so libFuzzer records the input.
func fuzzAssert(_ condition: Bool, _ message: StaticString) {
    if !condition { fatalError("fuzz invariant broken: \(message)") }
}
