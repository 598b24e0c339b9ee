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
    /// merged). Sorted on plain keys (integers, doubles, bytes), values made last.
    static func typedCounts(_ values: ByteCountTable, type: ColumnType) -> [ValueCounts.Entry] {
        switch type {
        case .integer:
            var keyed = keys(values) { bytes, _ in ValueForm.integer(bytes)! }
            return merged(&keyed, as: ProfileValue.integer)
        case .number:
            var keyed = keys(values) { bytes, _ in ValueForm.number(bytes)! + 0 }
            return merged(&keyed, as: ProfileValue.number)
        case .date:
            var keyed = keys(values) { bytes, _ in ValueForm.date(bytes)! }
            return merged(&keyed) { ProfileValue.date(days: $0) }
        case .timestamp:
            var keyed = keys(values) { bytes, form in
                form == .date ? ValueForm.date(bytes)! * 86_400_000_000 : ValueForm.timestamp(bytes)!
            }
            return merged(&keyed) { ProfileValue.timestamp(microseconds: $0) }
        case .boolean:
            var keyed = keys(values) { bytes, _ in ValueForm.boolean(bytes)! ? 1 : 0 }
            return merged(&keyed) { ProfileValue.boolean($0 == 1) }
        case .text:
            return textCounts(values)
        }
    }

    private static func keys<Key>(
        _ values: ByteCountTable, _ key: (UnsafeRawBufferPointer, ValueForms) -> Key
    ) -> [(key: Key, count: Int)] {
        var keyed: [(key: Key, count: Int)] = []
        keyed.reserveCapacity(values.count)
        values.forEach { bytes, count, form in keyed.append((key(bytes, form), count)) }
        return keyed
    }

    /// Sorts `keyed` in place and makes the entries, equal keys' counts added up.
    private static func merged<Key: Comparable>(
        _ keyed: inout [(key: Key, count: Int)], as value: (Key) -> ProfileValue
    ) -> [ValueCounts.Entry] {
        keyed.sort { $0.key < $1.key }
        var entries: [ValueCounts.Entry] = []
        entries.reserveCapacity(keyed.count)
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
        return entries
    }

    /// Text values in code-point order: their UTF-8 bytes compared with `memcmp`.
    private static func textCounts(_ values: ByteCountTable) -> [ValueCounts.Entry] {
        var bytes: [UInt8] = []
        var spans: [(start: Int, length: Int, count: Int)] = []
        spans.reserveCapacity(values.count)
        values.forEach { value, count, _ in
            spans.append((bytes.count, value.count, count))
            bytes.append(contentsOf: value)
        }
        return bytes.withUnsafeBytes { arena in
            let base = arena.baseAddress
            spans.sort { lhs, rhs in
                let common = Swift.min(lhs.length, rhs.length)
                if common > 0, let base {
                    let order = memcmp(base + lhs.start, base + rhs.start, common)
                    if order != 0 { return order < 0 }
                }
                return lhs.length < rhs.length
            }
            return spans.map { span in
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: arena[span.start..<(span.start + span.length)]), as: UTF8.self)
                return ValueCounts.Entry(value: .text(text), count: span.count)
            }
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

    /// `ascending` (sorted by value) reordered by count descending, ties in value order.
    static func byCount(_ ascending: [ValueCounts.Entry]) -> [ValueCounts.Entry] {
        let counts = ascending.map(\.count)
        if zip(counts, counts.dropFirst()).allSatisfy({ $0 >= $1 }) { return ascending }  // e.g. all distinct
        var order = Array(counts.indices)
        counts.withUnsafeBufferPointer { counts in
            order.sort { lhs, rhs in counts[lhs] != counts[rhs] ? counts[lhs] > counts[rhs] : lhs < rhs }
        }
        return order.map { ascending[$0] }
    }
}
