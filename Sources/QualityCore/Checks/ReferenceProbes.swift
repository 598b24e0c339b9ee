import ReportKit

/// The target side of a reference check: how many target rows have each key (rows with a
/// missing listed column never match anything).
final class ReferenceTargetProbe: CheckProbe {
    let columns: [String]
    private var indexes: [Int] = []
    private(set) var kinds: [CellKind] = []
    private(set) var counts: [[String]: Int] = [:]
    /// Set once the target's scan has ended.
    var complete = false

    init(columns: [String]) { self.columns = columns }

    override func prepare(_ shape: TableShape) throws(CheckFailure) {
        for column in columns {
            let index = try shape.index(of: column).get()
            indexes.append(index)
            kinds.append(shape.kinds[index])
        }
    }

    override func add(_ row: TableRowView) {
        var key: [String] = []
        for (position, index) in indexes.enumerated() {
            guard let bytes = row[index] else { return }
            guard let value = CellReading.value(bytes, kind: kinds[position]) else {
                failure = notItsType(row, bytes, column: columns[position], kind: kinds[position])
                return
            }
            key.append(value.keyText)
        }
        counts[key, default: 0] += 1
    }
}

/// The source side of `values in (c, …) must [not] exist in OTHER (c, …)`, counted as Soda
/// Core's LEFT JOIN does: a source row whose listed columns are all missing is ignored; one
/// with any missing column never matches (so `must exist` counts it); `must not exist` counts
/// a source row once per matching target row.
///
/// Source keys are kept with their row counts until the target is complete; when the target
/// was read first, failing rows are also sampled as they come.
final class ReferenceSourceProbe: CheckProbe {
    let check: ReferenceCheck
    let target: ReferenceTargetProbe
    private var indexes: [Int] = []
    private var kinds: [CellKind] = []
    /// Source keys (`nil` for a missing part) and how many rows have each.
    private var keys: [[String?]: Int] = [:]

    init(_ check: ReferenceCheck, target: ReferenceTargetProbe) {
        self.check = check
        self.target = target
    }

    override func prepare(_ shape: TableShape) throws(CheckFailure) {
        for column in check.columns {
            let index = try shape.index(of: column).get()
            indexes.append(index)
            kinds.append(shape.kinds[index])
        }
    }

    override func add(_ row: TableRowView) {
        var key: [String?] = []
        for (position, index) in indexes.enumerated() {
            guard let bytes = row[index] else { key.append(nil); continue }
            guard let value = CellReading.value(bytes, kind: kinds[position]) else {
                failure = notItsType(row, bytes, column: check.columns[position], kind: kinds[position])
                return
            }
            key.append(value.keyText)
        }
        guard key.contains(where: { $0 != nil }) else { return }
        keys[key, default: 0] += 1
        if target.complete, target.failure == nil, Self.failures(key, rows: 1, in: target.counts, mustExist: check.mustExist) > 0 {
            sample(row)
        }
    }

    /// How many joined rows `rows` source rows with `key` make that fail the check.
    private static func failures(_ key: [String?], rows: Int, in counts: [[String]: Int], mustExist: Bool) -> Int {
        let complete = key.compactMap { $0 }
        let matches = complete.count == key.count ? counts[complete] ?? 0 : 0
        return mustExist ? (matches == 0 ? rows : 0) : rows * matches
    }

    /// The count, once both tables are read.
    func value() -> Result<Double, CheckFailure> {
        if let failure { return .failure(failure) }
        if let failure = target.failure { return .failure(CheckFailure("\(check.target): \(failure.reason)")) }
        for (position, kind) in kinds.enumerated() {
            let other = target.kinds[position]
            let numeric = (kind.isNumeric, other.isNumeric)
            if (numeric.0 && other == .text) || (numeric.1 && kind == .text) {
                return .failure(CheckFailure("column '\(check.columns[position])' is \(kind) and \(check.target).\(check.targetColumns[position]) is \(other): they cannot be compared"))
            }
        }
        var total = 0
        for (key, rows) in keys { total += Self.failures(key, rows: rows, in: target.counts, mustExist: check.mustExist) }
        return .success(Double(total))
    }
}
