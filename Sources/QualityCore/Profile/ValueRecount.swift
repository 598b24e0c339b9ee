/// A second pass that makes a sketched profile's frequent values exact: where the caller
/// can read the data again, it feeds the same fields to a recount made from the profile,
/// and ``apply(to:)`` replaces each sketched column's candidate counts with their true
/// counts.
///
/// The candidates are the Misra–Gries survivors, so every value occurring more than the
/// reported undercount bound is among them; after the recount their counts are exact,
/// `top`/`freq` are exact whenever the top count exceeds that bound, and the bound that
/// remains only says how often an unlisted value may occur.
public struct ValueRecount: Sendable {
    private struct Column: Sendable {
        var type: ColumnType
        var candidates: [ProfileValue: Int]
        var bound: Int
    }

    /// Per column; `nil` for columns whose counts are exact already.
    private var columns: [Column?]

    public init(for profile: TableProfile) {
        columns = profile.columns.map { column in
            guard let bound = column.valueCounts.undercount else { return nil }
            var candidates: [ProfileValue: Int] = [:]
            for entry in column.valueCounts.entries { candidates[entry.value] = 0 }
            return Column(type: column.type, candidates: candidates, bound: bound)
        }
    }

    /// Whether any column needs a second pass.
    public var isNeeded: Bool { columns.contains { $0 != nil } }

    /// Counts field `bytes` of column `column` when its value is a candidate.
    public mutating func add(_ bytes: UnsafeRawBufferPointer, column: Int) {
        guard !bytes.isEmpty, let type = columns[column]?.type else { return }
        let form = ValueForm.of(bytes)
        guard type.accepts(form) else { return }
        let value = ExactFinish.value(of: bytes, form: form, as: type)
        if columns[column]!.candidates[value] != nil { columns[column]!.candidates[value]! += 1 }
    }

    /// `profile` (the one this recount was made from) with exact candidate counts.
    public func apply(to profile: TableProfile) -> TableProfile {
        var result = profile
        for (index, recounted) in columns.enumerated() {
            guard let recounted else { continue }
            let ascending = recounted.candidates.map { ValueCounts.Entry(value: $0.key, count: $0.value) }
                .filter { $0.count > 0 }
                .sorted { $0.value < $1.value }
            var column = result.columns[index]
            column.valueCounts = ValueCounts(entries: ExactFinish.byCount(ascending), undercount: recounted.bound)
            column.valueCounts.countsAreExact = true
            if let first = column.valueCounts.entries.first, first.count > recounted.bound {
                column.top = Figure(first.value)
                column.freq = Figure(first.count)
            } else {
                column.top = column.valueCounts.entries.first.map { Figure($0.value, bound: .undercount(recounted.bound)) }
                column.freq = column.valueCounts.entries.first.map { Figure($0.count, bound: .undercount(recounted.bound)) }
            }
            result.columns[index] = column
        }
        return result
    }
}
