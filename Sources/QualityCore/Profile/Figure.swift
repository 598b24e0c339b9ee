import ReportKit

/// A figure of a profile and whether it is exact: sketches give estimates, and every
/// estimate carries its error bound, so no output passes one off as exact.
public struct Figure<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    /// `nil` when exact.
    public var bound: ErrorBound?

    public init(_ value: Value, bound: ErrorBound? = nil) {
        self.value = value
        self.bound = bound
    }

    public var isExact: Bool { bound == nil }
}

/// How far an estimate may be from the exact figure.
public enum ErrorBound: Sendable, Hashable {
    /// A distinct count within `estimate × (1 ± r)`, with 99% probability (HyperLogLog).
    case relative(Double)
    /// A quantile whose rank in the data is within `r × n` of the asked rank, with 99%
    /// probability at each quantile (KLL).
    case rank(Double)
    /// A count that is at most this much below the true count, never above it (Misra–Gries).
    case undercount(Int)

    /// The JSON member naming the bound: `relative_error`, `rank_error`, `max_undercount`.
    var key: String {
        switch self {
        case .relative: return "relative_error"
        case .rank: return "rank_error"
        case .undercount: return "max_undercount"
        }
    }

    var json: JSONValue {
        switch self {
        case .relative(let value), .rank(let value): return .number(value)
        case .undercount(let value): return .number(Double(value))
        }
    }
}

extension Figure {
    /// The figure in JSON: the value itself when exact, else
    /// `{"estimate": value, "<bound key>": bound}`.
    func json(_ value: (Value) -> JSONValue) -> JSONValue {
        guard let bound else { return value(self.value) }
        return .object(JSONObject([
            JSONObject.Member(key: "estimate", value: value(self.value)),
            JSONObject.Member(key: bound.key, value: bound.json),
        ]))
    }

    /// The figure in a CSV cell: the value, with `~` in front when it is an estimate.
    func text(_ value: (Value) -> String) -> String {
        (isExact ? "" : "~") + value(self.value)
    }
}
