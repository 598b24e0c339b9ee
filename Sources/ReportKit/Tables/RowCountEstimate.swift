import Foundation

/// A line-based table's rows, estimated from its size and a sample of its start and of its
/// end: the object's size over the average length of the whole lines in both.
///
/// A line is one row (a CSV record with a quoted line break counts twice, which a hint may
/// do); a header line is left out of both the count and the length. Rows that grow longer
/// down the file (counting ids) are why the end is sampled too. `nil` when the samples hold
/// no whole data line (rows longer than a sample).
public enum RowCountEstimate {
    /// The estimated rows of the object at `key`, from its size, its first `sampleBytes` and
    /// its last; `nil` when there is none or the store cannot tell (a failure here is no
    /// error: the read that follows reports it).
    public static func rows(of key: ObjectKey, in store: any ObjectStore, sampleBytes: Int, header: Bool) async -> Int? {
        guard let size = try? await store.size(of: key), size > 0,
              let start = try? await store.read(key, range: 0..<min(size, sampleBytes))
        else { return nil }
        guard size > 2 * sampleBytes else { return rows(size: size, sample: start, header: header) }
        let end = try? await store.read(key, range: (size - sampleBytes)..<size)
        return rows(size: size, sample: start, end: end ?? Data(), header: header)
    }

    /// The estimated rows of an object of `size` bytes that starts with `sample` and ends
    /// with `end` (empty: not sampled).
    public static func rows(size: Int, sample: some Collection<UInt8>, end: some Collection<UInt8> = [UInt8](), header: Bool) -> Int? {
        let first = lines(sample, skippingFirst: header)
        if sample.count >= size {  // the whole object: its lines, a last one without a line break too
            let unended = first.completeBytes < sample.count ? 1 : 0
            return max(0, (header && first.skipped == 0 ? -1 : 0) + first.count + unended)
        }
        let last = lines(end, skippingFirst: true)  // its first line is a piece of one
        let count = first.count + last.count, bytes = first.bytes + last.bytes
        guard count > 0, bytes > 0 else { return nil }
        let remaining = Double(size - first.skipped)
        return Int(min(remaining * Double(count) / Double(bytes), Double(Int.max >> 8)).rounded())
    }

    /// The whole lines of `bytes` past the first if `skippingFirst`: how many, their bytes,
    /// the first line's bytes (0 when it has no end) and where the last whole line ends.
    private static func lines(_ bytes: some Collection<UInt8>, skippingFirst: Bool) -> (count: Int, bytes: Int, skipped: Int, completeBytes: Int) {
        var count = 0, skipped = 0, completeBytes = 0, offset = 0
        for byte in bytes {
            offset += 1
            guard byte == UInt8(ascii: "\n") else { continue }
            if skippingFirst && skipped == 0 { skipped = offset } else { count += 1 }
            completeBytes = offset
        }
        return (count, completeBytes - skipped, skipped, completeBytes)
    }
}
