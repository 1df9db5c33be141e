/// Writes the rows of a large export in two halves on two cores (each into its own buffer,
/// then in order), small ones directly. Progress is reported per half.
enum ParallelRows {
    static let threshold = 100_000

    static func write(
        _ result: ReportResult, _ output: inout ChunkedOutput, _ instants: inout InstantFormatter,
        progress: ((Int) -> Void)?, step: Int,
        _ rows: @escaping @Sendable (ArraySlice<[ReportValue]>, inout ChunkedOutput, inout InstantFormatter) -> Void
    ) {
        let all = result.rows
        guard all.count >= threshold else {
            var done: Int
            var start = all.startIndex
            while start < all.endIndex {
                let end = min(all.endIndex, start + step)
                rows(all[start..<end], &output, &instants)
                done = end
                progress?(done)
                start = end
            }
            if all.isEmpty { progress?(0) }
            return
        }
        let middle = all.count / 2
        let parts = (try? ForkJoin.map(2) { part -> [UInt8] in
            var buffer = ChunkedOutput(write: { _ in }, collecting: true)
            var formatter = InstantFormatter()
            rows(part == 0 ? all[..<middle] : all[middle...], &buffer, &formatter)
            return buffer.buffer
        }) ?? []
        for (index, part) in parts.enumerated() {
            output.flush()
            output.write(part)
            progress?(index == 0 ? middle : all.count)
        }
    }
}
