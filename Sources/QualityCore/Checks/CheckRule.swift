/// A comparison a value is tested with: `> 10`, `between 1 and 5`, `not between 1 and 5`.
/// `between` includes both bounds; `not between` is its complement.
public enum Comparison: Sendable, Hashable, CustomStringConvertible {
    case equal(Double), notEqual(Double)
    case less(Double), lessOrEqual(Double)
    case greater(Double), greaterOrEqual(Double)
    case between(Double, Double)
    case notBetween(Double, Double)

    /// Whether `value` is in the zone the comparison names.
    public func holds(_ value: Double) -> Bool {
        switch self {
        case .equal(let bound): return value == bound
        case .notEqual(let bound): return value != bound
        case .less(let bound): return value < bound
        case .lessOrEqual(let bound): return value <= bound
        case .greater(let bound): return value > bound
        case .greaterOrEqual(let bound): return value >= bound
        case .between(let low, let high): return low <= value && value <= high
        case .notBetween(let low, let high): return !(low <= value && value <= high)
        }
    }

    /// `> 10`, `between 1 and 5`.
    public var description: String {
        func number(_ value: Double) -> String { CheckNumber.text(value) }
        switch self {
        case .equal(let bound): return "= \(number(bound))"
        case .notEqual(let bound): return "!= \(number(bound))"
        case .less(let bound): return "< \(number(bound))"
        case .lessOrEqual(let bound): return "<= \(number(bound))"
        case .greater(let bound): return "> \(number(bound))"
        case .greaterOrEqual(let bound): return ">= \(number(bound))"
        case .between(let low, let high): return "between \(number(low)) and \(number(high))"
        case .notBetween(let low, let high): return "not between \(number(low)) and \(number(high))"
        }
    }
}

/// How a metric's value becomes an outcome.
public enum CheckRule: Sendable, Hashable {
    /// `metric <comparison>`: pass when it holds, else fail.
    case threshold(Comparison)
    /// `warn: when …` and/or `fail: when …`, each naming the bad zone: fail is tested first,
    /// then warn, else pass.
    case zones(fail: Comparison?, warn: Comparison?)

    func outcome(_ value: Double) -> CheckOutcome {
        switch self {
        case .threshold(let comparison):
            return comparison.holds(value) ? .pass : .fail
        case .zones(let fail, let warn):
            if let fail, fail.holds(value) { return .fail }
            if let warn, warn.holds(value) { return .warn }
            return .pass
        }
    }
}

/// How numbers print in thresholds and reasons: integers without a fraction.
enum CheckNumber {
    static func text(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
