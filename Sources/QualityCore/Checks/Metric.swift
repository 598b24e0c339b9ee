/// The metrics of the SodaCL subset.
public enum MetricKind: String, Sendable, Hashable, CaseIterable {
    case rowCount = "row_count"
    case missingCount = "missing_count"
    case missingPercent = "missing_percent"
    case invalidCount = "invalid_count"
    case invalidPercent = "invalid_percent"
    case duplicateCount = "duplicate_count"
    case duplicatePercent = "duplicate_percent"
    case min, max, avg, sum, stddev
    case avgLength = "avg_length"
    case minLength = "min_length"
    case maxLength = "max_length"
    case percentile

    /// How many columns it takes: `nil` for one or more (duplicates).
    var columnCount: Int? {
        switch self {
        case .rowCount: return 0
        case .duplicateCount, .duplicatePercent: return nil
        default: return 1
        }
    }

    /// A percent of all rows, rounded to 2 decimals.
    var isPercent: Bool { self == .missingPercent || self == .invalidPercent || self == .duplicatePercent }

    /// A count of rows or values (an integer in the output).
    var isCount: Bool { self == .rowCount || self == .missingCount || self == .invalidCount || self == .duplicateCount }
}

/// A metric as a check names it: `missing_count(email)` with the rules that configure it.
public struct Metric: Sendable, Hashable {
    public var kind: MetricKind
    public var columns: [String]
    /// The `q` of `percentile(c, q)`, exactly as written.
    public var fraction: DecimalFraction?
    /// `missing …` and `valid …`/`invalid …` configurations.
    public var rules: ColumnRules

    public init(kind: MetricKind, columns: [String] = [], fraction: DecimalFraction? = nil, rules: ColumnRules = ColumnRules()) {
        self.kind = kind
        self.columns = columns
        self.fraction = fraction
        self.rules = rules
    }

    /// `missing_count(email)`, `percentile(qty, 0.5)`, `row_count`.
    public var text: String {
        var arguments = columns
        if let fraction { arguments.append(fraction.text) }
        return arguments.isEmpty ? kind.rawValue : "\(kind.rawValue)(\(arguments.joined(separator: ", ")))"
    }

    /// The name this metric's value is kept under in the results' `metrics` and read back as
    /// history: its text, then its rules when it has any (`missing_count(s) [missing values: N/A]`),
    /// so two checks that configure the same metric differently never share a value.
    public var identity: String {
        let rules = rules.summary
        return rules.isEmpty ? text : "\(text) [\(rules)]"
    }
}

/// A decimal fraction kept exactly: `0.28` is 28/100 (a `Double` would make ⌈0.28·25⌉ 8).
public struct DecimalFraction: Sendable, Hashable {
    public var numerator: Int
    public var denominator: Int
    /// As written: `0.28`.
    public var text: String

    /// `digits[.digits]` between 0 and 1 (`0`, `1`, `.5`, `0.999`), at most 12 decimals.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let decimals = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && decimals.isEmpty), decimals.count <= 12,
              whole.allSatisfy(\.isASCIIDigit), decimals.allSatisfy(\.isASCIIDigit),
              parts.count == 1 || !decimals.isEmpty,
              let wholeValue = Int(whole.isEmpty ? "0" : whole), wholeValue <= 1
        else { return nil }
        var denominator = 1
        for _ in decimals { denominator *= 10 }
        let numerator = wholeValue * denominator + (Int(decimals) ?? 0)
        guard numerator <= denominator else { return nil }
        self.numerator = numerator
        self.denominator = denominator
        self.text = text
    }

    /// The 1-based nearest rank among `count` sorted values: max(1, ⌈q·count⌉).
    func rank(of count: Int) -> Int {
        let product = numerator.multipliedFullWidth(by: count)  // exact, even for 12 decimals and a huge count
        let (quotient, remainder) = denominator.dividingFullWidth(product)
        return max(1, quotient + (remainder > 0 ? 1 : 0))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
