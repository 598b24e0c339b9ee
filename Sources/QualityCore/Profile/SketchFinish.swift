/// The figures of a sketched column: counts, moments, extremes and lengths stay exact;
/// the distinct count, the frequent values and the quartiles are estimates with bounds.
enum SketchFinish {
    static func profile(of column: ColumnAccumulator, sketch: ColumnSketch, type: ColumnType, rows: Int) -> ColumnProfile {
        let keyed: ColumnSketch.Keyed? = switch type {
        case .integer, .number: sketch.numeric
        case .date, .timestamp: sketch.instant
        // `raw` exists whenever the column can finish as text (``PossibleTypes/text``: it has
        // no declared type, or text); a boolean column counts its values apart.
        case .text, .boolean: sketch.raw
        }
        var distinct = Figure(0)
        var counts = ValueCounts(entries: [], undercount: nil)
        if type == .boolean {
            let entries = [ValueCounts.Entry(value: .boolean(false), count: sketch.falses),
                           ValueCounts.Entry(value: .boolean(true), count: sketch.trues)].filter { $0.count > 0 }
            distinct = Figure(entries.count)
            counts.entries = ExactFinish.byCount(entries)
        } else if let keyed {
            distinct = Figure(Int(keyed.distinct.estimate.rounded()), bound: .relative(keyed.distinct.relativeErrorBound))
            var entries: [ValueCounts.Entry] = []
            keyed.frequent.table.forEach { bytes, count, _ in
                entries.append(ValueCounts.Entry(value: value(of: bytes, as: type), count: count))
            }
            entries.sort { $0.value < $1.value }
            counts = ValueCounts(entries: ExactFinish.byCount(entries),
                                 undercount: keyed.frequent.undercount == 0 ? nil : keyed.frequent.undercount)
        }
        var profile = ColumnProfile(
            name: column.name, type: type, count: column.count, missing: rows - column.count,
            distinct: distinct, top: nil, freq: nil, mean: nil, std: nil, min: nil, max: nil,
            p25: nil, p50: nil, p75: nil, lengths: nil, valueCounts: counts
        )
        if let first = counts.entries.first {
            let bound = counts.undercount.map { ErrorBound.undercount($0) }
            profile.top = Figure(first.value, bound: bound)
            profile.freq = Figure(first.count, bound: bound)
        }
        guard column.count > 0 else { return profile }
        switch type {
        case .integer:
            profile.min = .integer(sketch.integerMin)
            profile.max = .integer(sketch.integerMax)
            addMoments(sketch, to: &profile)
        case .number:
            profile.min = .number(sketch.numberMin)
            profile.max = .number(sketch.numberMax)
            addMoments(sketch, to: &profile)
        case .date:
            profile.min = .date(days: sketch.instantMin / 86_400_000_000)
            profile.max = .date(days: sketch.instantMax / 86_400_000_000)
        case .timestamp:
            profile.min = .timestamp(microseconds: sketch.instantMin)
            profile.max = .timestamp(microseconds: sketch.instantMax)
        case .text:
            profile.lengths = TextLengths(
                min: sketch.lengthMin, mean: Double(sketch.lengthTotal) / Double(column.count), max: sketch.lengthMax)
        case .boolean:
            break
        }
        return profile
    }

    private static func addMoments(_ sketch: ColumnSketch, to profile: inout ColumnProfile) {
        profile.mean = sketch.moments.mean
        profile.std = sketch.moments.variance.map { $0.squareRoot() }
        guard let quantiles = sketch.quantiles, quantiles.weight > 0 else { return }
        let items = quantiles.weightedItems()
        let n = Double(quantiles.weight)
        let bound = ErrorBound.rank(quantiles.rankErrorBound / n)
        func at(_ q: Double) -> Figure<Double>? {
            QuantileSketch.value(atRank: q * (n - 1), in: items).map { Figure($0, bound: bound) }
        }
        profile.p25 = at(0.25)
        profile.p50 = at(0.5)
        profile.p75 = at(0.75)
    }

    /// A frequent-value key back as a value: 8 bytes of a `Double` for numbers, of
    /// microseconds for instants, the bytes themselves for text.
    private static func value(of key: UnsafeRawBufferPointer, as type: ColumnType) -> ProfileValue {
        switch type {
        case .integer, .number:
            let number = Double(bitPattern: key.loadUnaligned(as: UInt64.self))
            if type == .integer, let whole = Int64(exactly: number) { return .integer(whole) }
            return .number(number)
        case .date, .timestamp:
            let micros = key.loadUnaligned(as: Int64.self)
            return type == .date ? .date(days: micros / 86_400_000_000) : .timestamp(microseconds: micros)
        case .text, .boolean:
            return .text(String(decoding: key, as: UTF8.self))
        }
    }
}
