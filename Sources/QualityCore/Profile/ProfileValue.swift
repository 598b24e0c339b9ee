import ReportKit

/// One typed value of a column: a top value, a minimum, a value count's value.
public enum ProfileValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    /// Days since 1970-01-01.
    case date(days: Int64)
    /// Microseconds since 1970-01-01T00:00Z.
    case timestamp(microseconds: Int64)
    case text(String)

    /// The value's text in outputs: integers in digits, numbers in the shortest form that
    /// reads back to the same `Double` (`0.1`, `10.0`, `1e-07`, as Python's `repr`),
    /// `true`/`false`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, text as it is.
    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return ProfileFormat.number(value)
        case .boolean(let value): return value ? "true" : "false"
        case .date(let days): return ProfileFormat.day(days)
        case .timestamp(let micros): return ProfileFormat.timestamp(micros)
        case .text(let value): return value
        }
    }

    /// The value in JSON: numbers as numbers (an integer beyond 2^53 as a string of its
    /// digits, so it is not rounded), booleans as booleans, the rest as text.
    public var json: JSONValue {
        switch self {
        case .integer(let value):
            return value.magnitude <= 1 << 53 ? .number(Double(value)) : .string(String(value))
        case .number(let value): return .number(value)
        case .boolean(let value): return .bool(value)
        default: return .string(description)
        }
    }

    /// The value as a `Double`, for numbers, integers, dates (days) and timestamps (µs).
    var double: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .date(let days): return Double(days)
        case .timestamp(let micros): return Double(micros)
        case .boolean, .text: return nil
        }
    }

    /// Ascending: numbers by value, `false` before `true`, dates and timestamps by time,
    /// text by Unicode code point. (Values of different cases never meet in one column.)
    public static func < (lhs: ProfileValue, rhs: ProfileValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b
        case (.number(let a), .number(let b)): return a < b
        case (.boolean(let a), .boolean(let b)): return !a && b
        case (.date(let a), .date(let b)): return a < b
        case (.timestamp(let a), .timestamp(let b)): return a < b
        case (.text(let a), .text(let b)): return a.precedesByCodePoints(b)
        default: return lhs.caseOrder < rhs.caseOrder
        }
    }

    private var caseOrder: Int {
        switch self {
        case .integer: return 0
        case .number: return 1
        case .boolean: return 2
        case .date: return 3
        case .timestamp: return 4
        case .text: return 5
        }
    }
}

/// The text forms of figures.
enum ProfileFormat {
    /// The shortest text that reads back to `value` (Swift's and Python's `repr` agree:
    /// `10.0`, `0.1`, `1e-07`, `1.2345678901234568e+17`); `-0.0` as `0.0`.
    static func number(_ value: Double) -> String {
        value == 0 ? "0.0" : value.description
    }

    static func day(_ days: Int64) -> String {
        let civil = CivilCalendar.civil(Int(days))
        return "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))"
    }

    static func timestamp(_ micros: Int64) -> String {
        let days = micros >= 0 ? micros / 86_400_000_000 : -((-micros + 86_399_999_999) / 86_400_000_000)
        let rest = micros - days * 86_400_000_000
        let seconds = rest / 1_000_000
        let fraction = rest % 1_000_000
        var text = "\(day(days))T\(pad(Int(seconds / 3600), 2)):\(pad(Int(seconds % 3600 / 60), 2)):\(pad(Int(seconds % 60), 2))"
        if fraction != 0 {
            var digits = pad(Int(fraction), 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
