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
            let summary = NumericSummary(sorted: typed.map { ($0.value.double!, $0.count) })
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

    /// The distinct typed values, ascending, with their counts (spellings of one value merged).
    static func typedCounts(_ values: ByteCountTable, type: ColumnType) -> [ValueCounts.Entry] {
        var typed: [ValueCounts.Entry] = []
        typed.reserveCapacity(values.count)
        values.forEach { bytes, count, form in
            typed.append(ValueCounts.Entry(value: value(of: bytes, form: form, as: type), count: count))
        }
        if type == .text {
            typed.sort { $0.value < $1.value }  // distinct bytes: nothing to merge
            return typed
        }
        typed.sort { $0.value < $1.value }
        var merged: [ValueCounts.Entry] = []
        merged.reserveCapacity(typed.count)
        for entry in typed {
            if let last = merged.last, last.value == entry.value {
                merged[merged.count - 1].count += entry.count
            } else {
                merged.append(entry)
            }
        }
        return merged
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
        let order = ascending.indices.sorted { lhs, rhs in
            ascending[lhs].count != ascending[rhs].count ? ascending[lhs].count > ascending[rhs].count : lhs < rhs
        }
        return order.map { ascending[$0] }
    }
}
