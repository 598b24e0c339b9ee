import Foundation
import ReportKit

/// The figures of a column in exact mode, from its distinct values and counts.
enum ExactFinish {
    static func profile(of column: ColumnAccumulator, type: ColumnType, rows: Int, scope: ValueCountScope = .all) -> ColumnProfile {
        var profile = ColumnProfile(
            name: column.name, type: type, count: column.count, missing: rows - column.count,
            distinct: Figure(column.values.count), top: nil, freq: nil, mean: nil, std: nil, min: nil, max: nil,
            p25: nil, p50: nil, p75: nil, lengths: nil, valueCounts: ValueCounts(entries: [], undercount: nil)
        )
        if type == .text {
            profile.valueCounts.entries = scope == .all ? byCount(textCounts(column.values)) : mostFrequentText(column.values)
            profile.lengths = lengths(column.values, count: column.count)
        } else if let typed = column.typed {
            typed.withSortedRuns { runs in addFigures(of: runs, to: &profile, type: type, scope: scope) }
        } else {
            addFigures(of: sortedKeys(column.values, type: type), to: &profile, type: type, scope: scope)
        }
        if let first = profile.valueCounts.entries.first {
            profile.top = Figure(first.value)
            profile.freq = Figure(first.count)
        }
        return profile
    }

    /// The figures of a column of a type other than text from its distinct values' keys,
    /// ascending, with their counts (read a few times over, never copied but for `.all`'s
    /// value counts): the distinct count, the most frequent value, min and max, and for
    /// numbers ``NumericSummary``'s.
    private static func addFigures<Runs: Sequence>(
        of runs: Runs, to profile: inout ColumnProfile, type: ColumnType, scope: ValueCountScope
    ) where Runs.Element == (key: UInt64, count: Int) {
        let value = { (key: UInt64) in typedValue(key, type: type) }
        var distinct = 0
        var first: UInt64?, last: UInt64?
        var best: (key: UInt64, count: Int)?  // the first of the largest count, as byCount orders them
        for run in runs {
            distinct += 1
            if first == nil { first = run.key }
            last = run.key
            if run.count > best?.count ?? 0 { best = run }
        }
        profile.distinct = Figure(distinct)
        profile.valueCounts.entries = scope == .all
            ? byCount(runs.map { ValueCounts.Entry(value: value($0.key), count: $0.count) })
            : best.map { [ValueCounts.Entry(value: value($0.key), count: $0.count)] } ?? []
        if type != .boolean {
            profile.min = first.map(value)
            profile.max = last.map(value)
        }
        if type == .integer || type == .number {
            // Integers converted as pandas converts int64 to float64.
            let summary = NumericSummary(sorted: NumericRuns(runs: runs, isNumber: type == .number))
            profile.mean = summary.mean
            profile.std = summary.std
            profile.p25 = summary.p25.map { Figure($0) }
            profile.p50 = summary.p50.map { Figure($0) }
            profile.p75 = summary.p75.map { Figure($0) }
        }
    }

    /// The values of a column of a type other than text as plain 64-bit keys that order as
    /// the values do, ascending, sorted by ``RadixSort``, with their counts: spellings of one
    /// value (`1.0`, `1.00`) merged into one key.
    static func sortedKeys(_ values: ByteCountTable, type: ColumnType) -> [(key: UInt64, count: Int)] {
        var keyed: [(key: UInt64, count: Int)] = []
        keyed.reserveCapacity(values.count)
        values.forEach { bytes, count, form in keyed.append((TypedKeys.key(bytes, form: form, as: type), count)) }
        RadixSort.sort(&keyed)
        mergeRuns(&keyed)
        return keyed
    }

    /// The value of a key of ``sortedKeys(_:type:)``.
    static func typedValue(_ key: UInt64, type: ColumnType) -> ProfileValue {
        switch type {
        case .integer: return .integer(RadixSort.integer(key))
        case .number: return .number(RadixSort.number(key))
        case .date: return .date(days: RadixSort.integer(key))
        case .timestamp: return .timestamp(microseconds: RadixSort.integer(key))
        case .boolean: return .boolean(key == 1)
        case .text: preconditionFailure("texts have no keys")
        }
    }

    /// Sorted `keyed` with each run of equal keys made one, its counts added up.
    private static func mergeRuns(_ keyed: inout [(key: UInt64, count: Int)]) {
        var kept = 0
        keyed.withUnsafeMutableBufferPointer { keyed in
            var index = 0
            while index < keyed.count {
                var pair = keyed[index]
                index += 1
                while index < keyed.count, keyed[index].key == pair.key {
                    pair.count += keyed[index].count
                    index += 1
                }
                keyed[kept] = pair
                kept += 1
            }
        }
        keyed.removeLast(keyed.count - kept)
    }

    /// The most frequent text, ties to the first in code-point order (as ``byCount(_:)`` of
    /// ``textCounts(_:)`` orders them), without sorting the texts.
    private static func mostFrequentText(_ values: ByteCountTable) -> [ValueCounts.Entry] {
        var best: [UInt8] = []
        var bestCount = 0
        values.forEach { bytes, count, _ in
            if count > bestCount || (count == bestCount && best.withUnsafeBytes { CodePointOrder.compare(bytes, $0) < 0 }) {
                best.removeAll(keepingCapacity: true)
                best.append(contentsOf: bytes)
                bestCount = count
            }
        }
        guard bestCount > 0 else { return [] }
        return [ValueCounts.Entry(value: .text(String(decoding: best, as: UTF8.self)), count: bestCount)]
    }

    /// A text column's lengths in code points (`nil` when it has no value).
    private static func lengths(_ values: ByteCountTable, count: Int) -> TextLengths? {
        guard count > 0 else { return nil }
        var minimum = Int.max, maximum = 0, total = 0
        values.forEach { bytes, count, _ in
            let length = CodePoints.count(bytes)
            minimum = Swift.min(minimum, length)
            maximum = Swift.max(maximum, length)
            total += length * count
        }
        return TextLengths(min: minimum, mean: Double(total) / Double(count), max: maximum)
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
            CodePointOrder.compare(bytes(of: lhs), bytes(of: rhs)) < 0
        }

        /// Value `index`'s bytes in the arena.
        @inline(__always)
        func bytes(of index: Int) -> UnsafeRawBufferPointer {
            let span = spans[index]
            return UnsafeRawBufferPointer(rebasing: arena[span.start..<(span.start + span.length)])
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
