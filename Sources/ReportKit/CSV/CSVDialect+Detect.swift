extension CSVDialect {
    /// The delimiters ``detect(sample:)`` chooses among, in the order ties are broken.
    public static let detectableDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// The dialect of a file, guessed from its first bytes (a few KB is plenty).
    ///
    /// The quote is `"`. Up to the first 20 records of `sample` are split into lines outside
    /// quotes (a last line cut off by the sample's end is left out when there are others);
    /// each candidate in ``detectableDelimiters`` is counted per line, outside quotes. The
    /// delimiter is the one that appears the same number of times on the most lines; among
    /// equals, the one appearing more often, then the earlier in the list. A sample with
    /// none of them is one column, read as ``rfc4180``.
    ///
    /// The first record is taken as a header unless every one of its fields is a number
    /// (files of numbers without names exist; header fields that are all numbers hardly do).
    public static func detect(sample: some Collection<UInt8>) -> CSVDialect {
        var bytes = Array(sample)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let lines = Self.sampleLines(bytes)
        guard !lines.isEmpty else { return .rfc4180 }
        var best: (delimiter: UInt8, consistent: Int, count: Int)?
        for candidate in detectableDelimiters {
            let counts = lines.map { line in Self.countOutsideQuotes(candidate, in: bytes[line]) }
            var frequency: [Int: Int] = [:]
            for count in counts where count > 0 { frequency[count, default: 0] += 1 }
            guard let (count, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if best == nil || (lines, count) > (best!.consistent, best!.count) {
                best = (candidate, lines, count)
            }
        }
        let delimiter = best?.delimiter ?? UInt8(ascii: ",")
        let first = bytes[lines[0]].split(separator: delimiter, omittingEmptySubsequences: false)
        let allNumbers = first.allSatisfy { field in
            let text = field.first == UInt8(ascii: "\"") && field.last == UInt8(ascii: "\"") && field.count >= 2
                ? field.dropFirst().dropLast() : field
            return !text.isEmpty && Double(String(decoding: text, as: UTF8.self)) != nil
        }
        return CSVDialect(delimiter: delimiter, hasHeader: !allNumbers)
    }

    /// The byte ranges of the sample's first records' lines, blank lines left out.
    private static func sampleLines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var quoted = false
        var index = 0
        while index < bytes.count, lines.count < 20 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted, byte == 0x0A || byte == 0x0D {
                if index > start { lines.append(start..<index) }
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        // A last line without its line break is whole only if the sample is the whole file;
        // keep it when it is the only one.
        if lines.isEmpty, start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    private static func countOutsideQuotes(_ delimiter: UInt8, in line: ArraySlice<UInt8>) -> Int {
        var count = 0
        var quoted = false
        for byte in line {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted, byte == delimiter { count += 1 }
        }
        return count
    }
}
