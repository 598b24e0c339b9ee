import ReportKit

/// `duplicate_count(c, …)`: the number of distinct values (or combinations) that occur more
/// than once, over the rows where no listed column is missing (`NULL` or one of the check's
/// `missing values`). Keeps one entry per distinct key (memory grows with the distinct keys)
/// in a ``ByteCountTable`` (no allocation per key). The sample is the rows that repeat an
/// earlier row's key.
final class DuplicateProbe: CheckProbe {
    let metric: Metric
    /// The counts, taken out into a local for each batch (or row) and put back after, so the
    /// rows in between touch no property of the probe: each touch of a class's property is a
    /// runtime exclusivity check, several per row otherwise.
    private var counts: DuplicateCounts? = DuplicateCounts()

    /// Rows read.
    var rows: Int { counts?.rows ?? 0 }

    init(_ metric: Metric) { self.metric = metric }

    override func prepare(_ shape: TableShape) throws(CheckFailure) {
        for column in metric.columns {
            let index = try shape.index(of: column).get()
            var missingOnly = ColumnRules()
            missingOnly.missingValues = metric.rules.missingValues
            missingOnly.missingRegex = metric.rules.missingRegex
            let rule = try ValueRules(missingOnly, column: column, kind: shape.kinds[index])
            parts.append(Part(
                index: index, kind: rule.kind, plain: rule.kind.isTextual && !rule.hasMissingRules,
                missing: rule.hasMissingRules ? rule : nil))
        }
        numericKey = parts.count == 1 && parts[0].kind.isNumeric && parts[0].missing == nil
        rawSingleKey = parts.count == 1 && parts[0].plain
    }

    override func add(_ row: TableRowView) {
        var counts = self.counts.take()!
        defer { self.counts = counts }
        add(row, parts: parts, to: &counts)
    }

    /// One row, counted into `counts`.
    private func add(_ row: TableRowView, parts: [Part], to counts: inout DuplicateCounts) {
        counts.rows += 1
        if numericKey {
            guard let bytes = row[parts[0].index] else { return }
            guard let number = ValueForm.number(bytes) else {
                failure = notItsType(row, bytes, column: metric.columns[0], kind: parts[0].kind)
                return
            }
            if counts.count((number == 0 ? 0 : number).bitPattern) { sample(row) }
            return
        }
        // One text column without missing rules: the key is the cell's bytes.
        if rawSingleKey {
            guard let bytes = row[parts[0].index] else { return }
            if counts.count(bytes) { sample(row) }
            return
        }
        // The key: each part's length (4 bytes) and bytes (a text's, or a read value's: see
        // `append(_:to:)` of a `CellValue`), so no two combinations run together. Built in a
        // local copy of the scratch, handed back after.
        var key: [UInt8] = []
        swap(&key, &counts.key)
        defer { swap(&key, &counts.key) }
        key.removeAll(keepingCapacity: true)
        for position in parts.indices {
            let part = parts[position]
            guard let bytes = row[part.index] else { return }
            if part.plain {
                Self.append(bytes, to: &key)
                continue
            }
            guard var cell = PresentCell(bytes, kind: part.kind) else {
                failure = notItsType(row, bytes, column: metric.columns[position], kind: part.kind)
                return
            }
            if let missing = part.missing, missing.isMissing(&cell) { return }
            if part.kind.isTextual, cell.isASCII() {
                Self.append(bytes, to: &key)
                continue
            }
            Self.append(cell.value(), to: &key)
        }
        if key.withUnsafeBytes({ counts.count($0) }) { sample(row) }
    }

    /// One listed column as the key reads it: a text column without missing rules is
    /// `plain` (its bytes are the key part); `missing` holds the rules of one that has some.
    private struct Part {
        let index: Int
        let kind: CellKind
        let plain: Bool
        let missing: ValueRules?
    }

    private var parts: [Part] = []
    /// One numeric column without missing rules: keys are the numbers' bits (`-0` as `0`).
    private var numericKey = false
    /// One text column without missing rules: keys are the cells' bytes.
    private var rawSingleKey = false

    /// Rows read ahead by ``add(_:rows:)`` before their words are counted.
    private static let ahead = 32

    /// A batch's rows into a local copy of the counts. A numeric key: each run of ``ahead``
    /// rows is read and its words' slots asked for first, then counted, so that the cache
    /// misses of a table of millions of keys overlap; the same count, samples and failure as
    /// ``add(_:)`` row by row.
    override func add(_ batch: CheckRowBatch, rows range: Range<Int>) {
        var counts = self.counts.take()!
        defer { self.counts = counts }
        let parts = parts
        guard numericKey else {
            for row in range {
                add(batch.row(row), parts: parts, to: &counts)
                if failure != nil { return }
            }
            return
        }
        let column = parts[0].index
        withUnsafeTemporaryAllocation(of: (word: UInt64, row: Int).self, capacity: Self.ahead) { ahead in
            var start = range.lowerBound
            while start < range.upperBound {
                let end = Swift.min(range.upperBound, start + Self.ahead)
                var held = 0
                var bad: Int?
                for index in start..<end {
                    guard let bytes = batch.row(index)[column] else { continue }
                    guard let number = ValueForm.number(bytes) else {
                        bad = index
                        break
                    }
                    let bits = (number == 0 ? 0 : number).bitPattern
                    counts.numbers.prefetch(bits)
                    ahead[held] = (bits, index)
                    held += 1
                }
                for position in 0..<held where counts.count(ahead[position].word) { sample(batch.row(ahead[position].row)) }
                counts.rows += (bad.map { $0 + 1 } ?? end) - start
                if let bad {
                    let row = batch.row(bad)
                    failure = notItsType(row, row[column]!, column: metric.columns[0], kind: parts[0].kind)
                    return
                }
                start = end
            }
        }
    }


    /// A read value as a key part: a text's bytes; a number's bits (`-0` as `0`, every NaN as
    /// one), a boolean's byte, a day's or an instant's 8 bytes, each after a byte naming its
    /// kind. Equal exactly when the values' ``CellValue/keyText`` are, without making a
    /// string per cell.
    private static func append(_ value: CellValue, to key: inout [UInt8]) {
        func word(_ tag: UInt8, _ bits: UInt64) {
            appendLength(9, to: &key)
            key.append(tag)
            for shift in stride(from: UInt64(0), to: 64, by: 8) { key.append(UInt8(truncatingIfNeeded: bits >> shift)) }
        }
        switch value {
        case .text(var text): text.withUTF8 { append(UnsafeRawBufferPointer($0), to: &key) }
        case .number(let number): word(1, number.isNaN ? Double.nan.bitPattern : (number == 0 ? 0 : number).bitPattern)
        case .bool(let flag): word(2, flag ? 1 : 0)
        case .day(let days): word(3, UInt64(bitPattern: days))
        case .instant(let micros): word(4, UInt64(bitPattern: micros))
        }
    }

    private static func append(_ bytes: UnsafeRawBufferPointer, to key: inout [UInt8]) {
        appendLength(bytes.count, to: &key)
        key.append(contentsOf: bytes)
    }

    /// A key part's length, 4 bytes, before its bytes: no two combinations run together.
    private static func appendLength(_ length: Int, to key: inout [UInt8]) {
        let count = UInt32(length)
        key.append(UInt8(truncatingIfNeeded: count >> 24))
        key.append(UInt8(truncatingIfNeeded: count >> 16))
        key.append(UInt8(truncatingIfNeeded: count >> 8))
        key.append(UInt8(truncatingIfNeeded: count))
    }

    func value() -> Result<Double, CheckFailure> {
        if let failure { return .failure(failure) }
        let duplicated = counts?.duplicated ?? 0
        return .success(metric.kind == .duplicatePercent ? CheckPercent.of(duplicated, rows: rows) : Double(duplicated))
    }
}

/// `freshness(c)`: the latest value of a date or timestamp column (a date is the last
/// microsecond of its day); now minus it is the freshness.
final class FreshnessProbe: CheckProbe {
    let check: FreshnessCheck
    private var index = 0
    private var kind = CellKind.untyped
    private(set) var latest: Int64?

    init(_ check: FreshnessCheck) { self.check = check }

    override func prepare(_ shape: TableShape) throws(CheckFailure) {
        index = try shape.index(of: check.column).get()
        kind = shape.kinds[index]
        guard kind == .date || kind == .timestamp || kind == .untyped else {
            throw CheckFailure("freshness needs a date or timestamp column, and '\(check.column)' is \(kind)")
        }
    }

    override func add(_ row: TableRowView) {
        guard let bytes = row[index] else { return }
        guard let instant = CellReading.latestInstant(bytes, kind: kind) else {
            let place = row.line.map { "line \($0)" } ?? "row \(row.number)"
            failure = CheckFailure("\(place): '\(String(decoding: bytes, as: UTF8.self))' in column '\(check.column)' is not a date or timestamp")
            return
        }
        if latest.map({ instant > $0 }) ?? true { latest = instant }
    }
}
