import Foundation

/// The figures of a column in exact mode, from its distinct values and counts.
enum ExactFinish {
    static func profile(of column: ColumnAccumulator, type: ColumnType, rows: Int) -> ColumnProfile {
        let typed = typedCounts(column.values, type: type)
        let counts = ValueCounts(entries: byCount(typed), undercount: nil)
        var profile = ColumnProfile(
            name: column.name, type: type, count: column.count, missing: rows - column.count,
            distinct: Figure(typed.count), top: nil, freq: nil, mean: nil, std: nil, min: nil, max: nil,
            p25: nil, p50: nil, p75: nil, lengths: nil, valueCounts: counts
        )
        if let first = counts.entries.first {
            profile.top = Figure(first.value)
            profile.freq = Figure(first.count)
        }
        switch type {
        case .integer, .number:
            profile.min = typed.first?.value
            profile.max = typed.last?.value
            let summary = NumericSummary(sorted: typed)
            profile.mean = summary.mean
            profile.std = summary.std
            profile.p25 = summary.p25.map { Figure($0) }
            profile.p50 = summary.p50.map { Figure($0) }
            profile.p75 = summary.p75.map { Figure($0) }
        case .date, .timestamp:
            profile.min = typed.first?.value
            profile.max = typed.last?.value
        case .text:
            var minimum = Int.max, maximum = 0, total = 0
            column.values.forEach { bytes, count, _ in
                let length = CodePoints.count(bytes)
                minimum = Swift.min(minimum, length)
                maximum = Swift.max(maximum, length)
                total += length * count
            }
            if column.count > 0 {
                profile.lengths = TextLengths(min: minimum, mean: Double(total) / Double(column.count), max: maximum)
            }
        case .boolean:
            break
        }
        return profile
    }

    /// The distinct typed values, ascending, with their counts (spellings of one value
    /// merged). Sorted on plain 64-bit keys that order as the values do (``RadixSort``),
    /// values made last.
    static func typedCounts(_ values: ByteCountTable, type: ColumnType) -> [ValueCounts.Entry] {
        switch type {
        case .integer:
            var keyed = keys(values) { bytes, _ in RadixSort.key(ValueForm.integer(bytes)!) }
            return merged(&keyed) { ProfileValue.integer(RadixSort.integer($0)) }
        case .number:
            var keyed = keys(values) { bytes, _ in RadixSort.key(ValueForm.number(bytes)! + 0) }
            return merged(&keyed) { ProfileValue.number(RadixSort.number($0)) }
        case .date:
            var keyed = keys(values) { bytes, _ in RadixSort.key(ValueForm.date(bytes)!) }
            return merged(&keyed) { ProfileValue.date(days: RadixSort.integer($0)) }
        case .timestamp:
            var keyed = keys(values) { bytes, form in
                RadixSort.key(form == .date ? ValueForm.date(bytes)! * 86_400_000_000 : ValueForm.timestamp(bytes)!)
            }
            return merged(&keyed) { ProfileValue.timestamp(microseconds: RadixSort.integer($0)) }
        case .boolean:
            var keyed = keys(values) { bytes, _ in ValueForm.boolean(bytes)! ? 1 : 0 }
            return merged(&keyed) { ProfileValue.boolean($0 == 1) }
        case .text:
            return textCounts(values)
        }
    }

    private static func keys(
        _ values: ByteCountTable, _ key: (UnsafeRawBufferPointer, ValueForms) -> UInt64
    ) -> [(key: UInt64, count: Int)] {
        var keyed: [(key: UInt64, count: Int)] = []
        keyed.reserveCapacity(values.count)
        values.forEach { bytes, count, form in keyed.append((key(bytes, form), count)) }
        return keyed
    }

    /// Sorts `keyed` in place and makes the entries, equal keys' counts added up.
    private static func merged(
        _ keyed: inout [(key: UInt64, count: Int)], as value: (UInt64) -> ProfileValue
    ) -> [ValueCounts.Entry] {
        RadixSort.sort(&keyed)
        var entries: [ValueCounts.Entry] = []
        entries.reserveCapacity(keyed.count)
        keyed.withUnsafeBufferPointer { keyed in
            var index = 0
            while index < keyed.count {
                var count = keyed[index].count
                var next = index + 1
                while next < keyed.count, keyed[next].key == keyed[index].key {
                    count += keyed[next].count
                    next += 1
                }
                entries.append(ValueCounts.Entry(value: value(keyed[index].key), count: count))
                index = next
            }
        }
        return entries
    }

    /// Text values in code-point order (UTF-8 bytes in byte order, a prefix first): sorted by
    /// 8 bytes at a time as big-endian keys (``RadixSort``), most significant first, each run
    /// of values sharing those bytes by the next 8; a short run, or one no value of which goes
    /// on, by comparing all the bytes.
    private static func textCounts(_ values: ByteCountTable) -> [ValueCounts.Entry] {
        var bytes: [UInt8] = []
        var spans: [(start: Int, length: Int, count: Int)] = []
        spans.reserveCapacity(values.count)
        values.forEach { value, count, _ in
            spans.append((bytes.count, value.count, count))
            bytes.append(contentsOf: value)
        }
        return bytes.withUnsafeBytes { arena in
            var order = Array(spans.indices)
            spans.withUnsafeBufferPointer { spans in
                TextOrder(arena: arena, spans: spans).sort(&order, spans.indices, depth: 0)
            }
            return order.map { index in
                let span = spans[index]
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: arena[span.start..<(span.start + span.length)]), as: UTF8.self)
                return ValueCounts.Entry(value: .text(text), count: span.count)
            }
        }
    }

    /// Byte-order sorting of text values held end to end in one arena.
    private struct TextOrder {
        let arena: UnsafeRawBufferPointer
        let spans: UnsafeBufferPointer<(start: Int, length: Int, count: Int)>

        /// How many shared bytes the radix passes go through before a run is sorted by
        /// comparing all the bytes: the recursion's depth stays bounded (32 levels) whatever
        /// prefixes the values share.
        static let deepest = 256

        /// Sorts `order[range]`, values that share their first `depth` bytes.
        func sort(_ order: inout [Int], _ range: Range<Int>, depth: Int) {
            guard range.count > 16 else {
                order[range].sort(by: precedes)
                return
            }
            var keyed = order[range].map { (key: key(of: $0, at: depth), count: $0) }
            RadixSort.sort(&keyed)
            for (offset, pair) in keyed.enumerated() { order[range.lowerBound + offset] = pair.count }
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
                if end - start > 1 {
                    let run = (range.lowerBound + start)..<(range.lowerBound + end)
                    if depth < Self.deepest, keyed[start..<end].contains(where: { spans[$0.count].length > depth + 8 }) {
                        sort(&order, run, depth: depth + 8)
                    } else {
                        order[run].sort(by: precedes)
                    }
                }
                start = end
            }
        }

        /// Bytes `depth..<depth + 8` of value `index`, big-endian, zero past its end.
        @inline(__always)
        func key(of index: Int, at depth: Int) -> UInt64 {
            let span = spans[index]
            let available = span.length - depth
            if available >= 8 { return UInt64(bigEndian: arena.loadUnaligned(fromByteOffset: span.start + depth, as: UInt64.self)) }
            var key: UInt64 = 0
            for offset in 0..<Swift.max(0, available) { key |= UInt64(arena[span.start + depth + offset]) << UInt64(56 - 8 * offset) }
            return key
        }

        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            let lhs = spans[lhs], rhs = spans[rhs]
            let common = Swift.min(lhs.length, rhs.length)
            if common > 0, let base = arena.baseAddress {
                let order = memcmp(base + lhs.start, base + rhs.start, common)
                if order != 0 { return order < 0 }
            }
            return lhs.length < rhs.length
        }
    }

    /// The value of `bytes` (of form `form`, which `type` accepts).
    static func value(of bytes: UnsafeRawBufferPointer, form: ValueForms, as type: ColumnType) -> ProfileValue {
        switch type {
        case .integer: return .integer(ValueForm.integer(bytes)!)
        case .number:
            let value = ValueForm.number(bytes)!
            return .number(value == 0 ? 0 : value)
        case .boolean: return .boolean(ValueForm.boolean(bytes)!)
        case .date: return .date(days: ValueForm.date(bytes)!)
        case .timestamp:
            if form == .date { return .timestamp(microseconds: ValueForm.date(bytes)! * 86_400_000_000) }
            return .timestamp(microseconds: ValueForm.timestamp(bytes)!)
        case .text: return .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// `ascending` (sorted by value) reordered by count descending, ties in value order: a
    /// stable scatter by count (a table has few different counts), no comparison sort.
    static func byCount(_ ascending: [ValueCounts.Entry]) -> [ValueCounts.Entry] {
        let counts = ascending.map(\.count)
        if zip(counts, counts.dropFirst()).allSatisfy({ $0 >= $1 }) { return ascending }  // e.g. all distinct
        // Counts below 2^16 by a table indexed by the count, the few above by a dictionary.
        let small = 1 << 16
        var tally = [Int](repeating: 0, count: small)
        var large: [Int: Int] = [:]
        for count in counts {
            if count < small { tally[count] += 1 } else { large[count, default: 0] += 1 }
        }
        var running = 0
        var largeStart: [Int: Int] = [:]
        for count in large.keys.sorted(by: >) {
            largeStart[count] = running
            running += large[count]!
        }
        for count in stride(from: small - 1, through: 0, by: -1) where tally[count] > 0 {
            let many = tally[count]
            tally[count] = running
            running += many
        }
        var order = [Int](repeating: 0, count: counts.count)
        for (index, count) in counts.enumerated() {
            if count < small {
                order[tally[count]] = index
                tally[count] += 1
            } else {
                let place = largeStart[count]!
                order[place] = index
                largeStart[count] = place + 1
            }
        }
        return order.map { ascending[$0] }
    }
}
