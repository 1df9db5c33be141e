#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM aliases an executable's `main` to `<Target>_main`; we hand control to libFuzzer.
@_cdecl("RADIUSFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzzOne(data, size) })
}
#else
import Foundation

/// Without `-DFUZZING` this target replays corpus files (regression mode): each file named
/// on the command line, or each file in a named directory, goes through `fuzzOne`.
@main
enum CorpusReplayer {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            for file in filesUnder(path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { raw in
                    _ = fuzzOne(raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
                }
                count += 1
            }
        }
        print("replayed \(count) inputs, no crash")
    }

    static func filesUnder(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let walker = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let entry = walker?.nextObject() as? String {
            let full = path + "/" + entry
            var entryIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }
}
#endif
