import ReportKit

/// A metric's ``ColumnRules`` resolved against one column: the configured values read as the
/// column's type, the regexes compiled, the bounds checked against the type. A class, so a
/// probe's row loop shares it rather than copying its fields for each cell.
final class ValueRules {
    let kind: CellKind
    let column: String
    let rules: ColumnRules
    private let missingValues: CellValueSet
    private let missingRegex: SearchPattern?
    private let validValues: CellValueSet?
    private let invalidValues: CellValueSet?
    private let validRegex: SearchPattern?
    private let invalidRegex: SearchPattern?
    private let validFormat: SearchPattern?
    private let invalidFormat: SearchPattern?
    private let validMin: CellValue?
    private let validMax: CellValue?
    /// A text column read as numbers through its numeric `valid format`.
    let castsText: Bool
    let hasValidity: Bool
    /// Whether `missing values` or `missing regex` is given (else only `NULL` is missing).
    var hasMissingRules: Bool { !missingValues.isEmpty || missingRegex != nil }

    init(_ rules: ColumnRules, column: String, kind: CellKind) throws(CheckFailure) {
        self.kind = kind
        self.column = column
        self.rules = rules
        func typed(_ values: [ConfigValue], _ key: String) throws(CheckFailure) -> Set<CellValue> {
            var set = Set<CellValue>()
            for value in values {
                guard let typed = CellReading.value(value.text, kind: kind) else {
                    throw CheckFailure("\(key) '\(value.text)' (line \(value.line)) is not \(kind == .integer ? "an" : "a") \(kind), the type of column '\(column)'")
                }
                set.insert(typed)
            }
            return set
        }
        missingValues = CellValueSet(try typed(rules.missingValues, "missing value"))
        validValues = try rules.validValues.map { values throws(CheckFailure) in CellValueSet(try typed(values, "valid value")) }
        invalidValues = try rules.invalidValues.map { values throws(CheckFailure) in CellValueSet(try typed(values, "invalid value")) }
        missingRegex = try rules.missingRegex.map { pattern throws(CheckFailure) in try SearchPattern(pattern) }
        validRegex = try rules.validRegex.map { pattern throws(CheckFailure) in try SearchPattern(pattern) }
        invalidRegex = try rules.invalidRegex.map { pattern throws(CheckFailure) in try SearchPattern(pattern) }
        for format in [rules.validFormat, rules.invalidFormat].compactMap({ $0 }) where !kind.isTextual {
            throw CheckFailure("valid format '\(format.rawValue)' reads text, and column '\(column)' is \(kind)")
        }
        validFormat = try rules.validFormat.map { format throws(CheckFailure) in try SearchPattern(format.pattern) }
        invalidFormat = try rules.invalidFormat.map { format throws(CheckFailure) in try SearchPattern(format.pattern) }
        castsText = kind.isTextual && (rules.validFormat?.isNumeric ?? false)
        let lengthRules = rules.validLength != nil || rules.validMinLength != nil || rules.validMaxLength != nil
        if lengthRules, !kind.isTextual {
            throw CheckFailure("valid lengths count the characters of text, and column '\(column)' is \(kind)")
        }
        func bound(_ value: ConfigValue?, _ key: String) throws(CheckFailure) -> CellValue? {
            guard let value, let bound = CellReading.bound(value.text) else { return nil }
            switch (kind, bound) {
            case (.integer, .number), (.number, .number), (.untyped, .number), (.date, .day), (.timestamp, .instant):
                return bound
            case (.timestamp, .day(let days)):
                return .instant(days * 86_400_000_000)
            case (.text, .number) where rules.validFormat?.isNumeric ?? false:
                return bound
            case (.text, .number):
                throw CheckFailure("\(key) compares numbers, and column '\(column)' is text without a numeric valid format (add one, such as 'valid format: decimal')")
            default:
                throw CheckFailure("\(key) '\(value.text)' cannot be compared with column '\(column)', which is \(kind)")
            }
        }
        validMin = try bound(rules.validMin, "valid min")
        validMax = try bound(rules.validMax, "valid max")
        hasValidity = rules.hasValidity
    }

    /// Whether a present cell counts as missing by the configuration.
    func isMissing(_ cell: inout PresentCell) -> Bool {
        if missingValues.contains(&cell) { return true }
        if let missingRegex, missingRegex.finds(in: cell.bytes) { return true }
        return false
    }

    /// Whether a present, non-missing cell is invalid: some valid rule fails or some invalid
    /// rule holds. Without rules nothing is invalid.
    func isInvalid(_ cell: inout PresentCell) -> Bool {
        guard hasValidity else { return false }
        if let validValues, !validValues.contains(&cell) { return true }
        if let validRegex, !validRegex.finds(in: cell.bytes) { return true }
        if let format = rules.validFormat, !(format.fastMatch(&cell) ?? validFormat?.finds(in: cell.bytes) ?? true) { return true }
        if rules.validLength != nil || rules.validMinLength != nil || rules.validMaxLength != nil {
            let length = cell.length()
            if let exact = rules.validLength, length != exact { return true }
            if let least = rules.validMinLength, length < least { return true }
            if let most = rules.validMaxLength, length > most { return true }
        }
        if validMin != nil || validMax != nil {
            guard let comparable = comparable(&cell) else { return true }
            if let validMin, Self.less(comparable, validMin) { return true }
            if let validMax, Self.less(validMax, comparable) { return true }
        }
        if let invalidValues, invalidValues.contains(&cell) { return true }
        if let invalidRegex, invalidRegex.finds(in: cell.bytes) { return true }
        if let format = rules.invalidFormat, format.fastMatch(&cell) ?? invalidFormat?.finds(in: cell.bytes) ?? false { return true }
        return false
    }

    /// The value `valid min`/`valid max` compare: the cell, or the number a text holds.
    private func comparable(_ cell: inout PresentCell) -> CellValue? {
        if castsText { return CellReading.castNumber(cell.text()).map(CellValue.number) }
        if kind == .untyped { return DecimalText.double(cell.bytes.bindMemory(to: UInt8.self)).map(CellValue.number) }
        return cell.value()
    }

    private static func less(_ lhs: CellValue, _ rhs: CellValue) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return a < b
        case (.day(let a), .day(let b)), (.instant(let a), .instant(let b)): return a < b
        default: return false
        }
    }

    /// The number an aggregate reads from a kept cell.
    func number(_ cell: inout PresentCell) -> NumberReading {
        if kind.isTextual {
            if castsText { return CellReading.castNumber(cell.text()).map(NumberReading.number) ?? .none }
            if let number = DecimalText.double(cell.bytes.bindMemory(to: UInt8.self)) { return .number(number) }
            return .notANumber
        }
        if case .number(let number) = cell.value() { return .number(number) }
        return .notANumber
    }
}

/// What an aggregate reads from a cell.
enum NumberReading {
    case number(Double)
    /// A text cast that leaves nothing: no value (SQL `NULL`).
    case none
    /// A text that holds no number, in a column without a declared type.
    case notANumber
}
