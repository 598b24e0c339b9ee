import ReportKit

/// Measures one column metric (missing, invalid, the aggregates, lengths, percentile) in one
/// pass, under the metric's missing and validity rules.
///
/// Aggregates use only the values that are neither missing nor invalid (Soda Core's rule);
/// a metric over no values (the average of an all-missing column) is undefined: a failure.
final class ColumnMetricProbe: CheckProbe {
    let metric: Metric
    private var index = 0
    private var rules: ValueRules?
    private(set) var rows = 0
    private(set) var missing = 0
    private(set) var invalid = 0
    private var count = 0
    private var sum = 0.0
    private var mean = 0.0
    private var squares = 0.0
    private var least = Double.infinity
    private var most = -Double.infinity
    private var lengthSum = 0
    private var shortest = Int.max
    private var longest = 0
    /// The percentile's values as ``RadixSort`` keys, sorted when it is measured.
    private var values = KeyBuffer()

    init(_ metric: Metric) { self.metric = metric }

    private var needsNumbers: Bool {
        switch metric.kind {
        case .min, .max, .avg, .sum, .stddev, .percentile: return true
        default: return false
        }
    }

    private var needsLengths: Bool { metric.kind == .avgLength || metric.kind == .minLength || metric.kind == .maxLength }

    override func prepare(_ shape: TableShape) throws(CheckFailure) {
        let column = metric.columns[0]
        index = try shape.index(of: column).get()
        let kind = shape.kinds[index]
        let rules = try ValueRules(metric.rules, column: column, kind: kind)
        if needsNumbers, !kind.isNumeric, !(kind == .untyped || rules.castsText) {
            let hint = kind == .text ? " (give it a numeric valid format, or declare it a number)" : ""
            throw CheckFailure("\(metric.kind.rawValue) needs numbers, and column '\(column)' is \(kind)\(hint)")
        }
        if needsLengths, !kind.isTextual {
            throw CheckFailure("\(metric.kind.rawValue) counts the characters of text, and column '\(column)' is \(kind)")
        }
        self.rules = rules
        borrowedRules = Unmanaged.passUnretained(rules)
        countsNullsOnly = (metric.kind == .missingCount || metric.kind == .missingPercent)
            && metric.rules.missingValues.isEmpty && metric.rules.missingRegex == nil
    }

    /// A missing count without missing values or regex reads no cell's text.
    private var countsNullsOnly = false

    /// ``rules``, borrowed per cell rather than retained (``rules`` keeps it alive).
    private var borrowedRules: Unmanaged<ValueRules>?

    override func add(_ row: TableRowView) {
        borrowedRules?._withUnsafeGuaranteedRef { rules in add(row, rules: rules) }
    }

    private func add(_ row: TableRowView, rules: ValueRules) {
        guard let bytes = row[index] else { return addMissing(row) }
        if countsNullsOnly {
            rows += 1
            return
        }
        guard var cell = PresentCell(bytes, kind: rules.kind) else { return addNotItsType(row, bytes) }
        rows += 1
        add(row, cell: &cell, rules: rules)
    }

    /// The column this probe reads, once bound.
    var columnIndex: Int { index }

    /// A row whose cell is `NULL`.
    func addMissing(_ row: TableRowView) {
        rows += 1
        missing += 1
        if metric.kind == .missingCount || metric.kind == .missingPercent { sample(row) }
    }

    /// A row whose cell `bytes` is not a value of the column's kind (a count of `NULL`s alone
    /// reads no value, so it only counts the row).
    func addNotItsType(_ row: TableRowView, _ bytes: UnsafeRawBufferPointer) {
        rows += 1
        guard !countsNullsOnly, let rules else { return }
        failure = notItsType(row, bytes, column: rules.column, kind: rules.kind)
    }

    /// A row whose cell, present and of the column's kind, is `cell` (read once for every
    /// probe of the column, ``ColumnProbeGroup``).
    func add(_ row: TableRowView, cell: inout PresentCell) {
        rows += 1
        guard !countsNullsOnly else { return }
        borrowedRules?._withUnsafeGuaranteedRef { rules in add(row, cell: &cell, rules: rules) }
    }

    /// ``add(_:rules:)`` past the reading of the cell; the row is counted already.
    private func add(_ row: TableRowView, cell: inout PresentCell, rules: ValueRules) {
        if rules.isMissing(&cell) {
            missing += 1
            if metric.kind == .missingCount || metric.kind == .missingPercent { sample(row) }
            return
        }
        if rules.isInvalid(&cell) {
            invalid += 1
            if metric.kind == .invalidCount || metric.kind == .invalidPercent { sample(row) }
            return
        }
        if needsNumbers {
            switch rules.number(&cell) {
            case .number(let number): addNumber(number)
            case .none: break
            case .notANumber:
                let place = row.line.map { "line \($0)" } ?? "row \(row.number)"
                failure = CheckFailure("\(place): '\(cell.text())' in column '\(rules.column)' is not a number (declare the column's type with --types, or give the check a numeric valid format)")
            }
        } else if needsLengths {
            let length = cell.length()
            count += 1
            lengthSum += length
            shortest = Swift.min(shortest, length)
            longest = Swift.max(longest, length)
        }
    }

    /// Counts a number and keeps what the metric reads of it, nothing more (seven probes of
    /// one column would otherwise each pay the running mean's division per cell).
    private func addNumber(_ number: Double) {
        count += 1
        switch metric.kind {
        case .min: least = Swift.min(least, number)
        case .max: most = Swift.max(most, number)
        case .avg, .sum: sum += number
        case .stddev:
            let delta = number - mean
            mean += delta / Double(count)
            squares += delta * (number - mean)
        case .percentile: values.append(RadixSort.key(number))
        default: break
        }
    }

    /// The metric's value once every row is in; `rows` is the table's row count.
    func value() -> Result<Double, CheckFailure> {
        if let failure { return .failure(failure) }
        let column = metric.columns[0]
        let undefined = CheckFailure("\(metric.text) is undefined: column '\(column)' has no \(rules?.hasValidity ?? false ? "valid " : "")values that are not missing")
        switch metric.kind {
        case .missingCount: return .success(Double(missing))
        case .missingPercent: return .success(CheckPercent.of(missing, rows: rows))
        case .invalidCount: return .success(Double(invalid))
        case .invalidPercent: return .success(CheckPercent.of(invalid, rows: rows))
        case .avg: return count > 0 ? .success(sum / Double(count)) : .failure(undefined)
        case .sum: return count > 0 ? .success(sum) : .failure(undefined)
        case .min: return count > 0 ? .success(least) : .failure(undefined)
        case .max: return count > 0 ? .success(most) : .failure(undefined)
        case .stddev:
            guard count >= 2 else {
                return .failure(CheckFailure("\(metric.text) is undefined: the sample standard deviation needs 2 or more values, column '\(column)' has \(count)"))
            }
            return .success((squares / Double(count - 1)).squareRoot())
        case .avgLength: return count > 0 ? .success(Double(lengthSum) / Double(count)) : .failure(undefined)
        case .minLength: return count > 0 ? .success(Double(shortest)) : .failure(undefined)
        case .maxLength: return count > 0 ? .success(Double(longest)) : .failure(undefined)
        case .percentile:
            guard !values.isEmpty, let fraction = metric.fraction else { return .failure(undefined) }
            values.withUnsafeMutableBufferPointer { RadixSort.sort($0) }
            return .success(RadixSort.number(values[fraction.rank(of: values.count) - 1]))
        case .rowCount, .duplicateCount, .duplicatePercent:
            return .failure(CheckFailure("\(metric.kind.rawValue) is not a column metric"))
        }
    }
}

/// Percents as Soda Core makes them: the `Double` nearest 100·count/rows, rounded to 2
/// decimals by its exact binary value, ties to even (`1/800` → 0.12, but `203/20000`, whose
/// double is just below 1.015, → 1.01); 0 on zero rows.
enum CheckPercent {
    static func of(_ count: Int, rows: Int) -> Double {
        guard rows > 0 else { return 0 }
        return roundedToHundredths(Double(count) * 100 / Double(rows))
    }

    /// `value` rounded to 2 decimals as Python's `round(value, 2)` does.
    static func roundedToHundredths(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e13 else { return value }
        let product = value * 100
        let error = (-product).addingProduct(value, 100)  // value·100 − product, exactly
        let low = product.rounded(.down)
        // Compare the exact value·100 (product + error) with the midpoint low + 0.5.
        let distance = (product - (low + 0.5)) + error
        let hundredths: Double
        if distance > 0 {
            hundredths = low + 1
        } else if distance < 0 {
            hundredths = low
        } else {
            hundredths = low.truncatingRemainder(dividingBy: 2) == 0 ? low : low + 1
        }
        return hundredths / 100
    }
}
