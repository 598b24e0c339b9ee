import ReportKit

/// How checks read a column's cells: as its declared type, or as text when none is declared
/// (an undeclared column is read as a number, date or timestamp where a metric needs one).
enum CellKind: Sendable, Hashable, CustomStringConvertible {
    case integer, number, boolean, date, timestamp, text
    /// No declared type: text, read as a number or an instant where the metric needs one.
    case untyped

    init(_ type: ColumnType?) {
        switch type {
        case .integer: self = .integer
        case .number: self = .number
        case .boolean: self = .boolean
        case .date: self = .date
        case .timestamp: self = .timestamp
        case .text: self = .text
        case nil: self = .untyped
        }
    }

    var isNumeric: Bool { self == .integer || self == .number }
    var isTextual: Bool { self == .text || self == .untyped }

    var description: String {
        switch self {
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .date: return "date"
        case .timestamp: return "timestamp"
        case .text: return "text"
        case .untyped: return "undeclared (text)"
        }
    }
}

/// A cell or configuration value in its column's type, for equality (`valid values`) and keys.
enum CellValue: Hashable {
    case number(Double)
    case bool(Bool)
    case day(Int64)
    case instant(Int64)
    case text(String)

    /// The text a key is made of: equal values, equal keys (`20` and `20.0` in a number column).
    var keyText: String {
        switch self {
        case .number(let value): return CheckNumber.text(value)
        case .bool(let value): return value ? "true" : "false"
        case .day(let days): return "d\(days)"
        case .instant(let micros): return "t\(micros)"
        case .text(let text): return text
        }
    }
}

enum CellReading {
    /// `bytes` as `kind`; `nil` when it is not one.
    static func value(_ bytes: UnsafeRawBufferPointer, kind: CellKind) -> CellValue? {
        switch kind {
        case .integer, .number: return ValueForm.number(bytes).map(CellValue.number)
        case .boolean: return ValueForm.boolean(bytes).map(CellValue.bool)
        case .date: return ValueForm.date(bytes).map(CellValue.day)
        case .timestamp:
            if let micros = ValueForm.timestamp(bytes) { return .instant(micros) }
            return ValueForm.date(bytes).map { .instant($0 * 86_400_000_000) }
        case .text, .untyped: return .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// A configuration value's text as `kind`.
    static func value(_ text: String, kind: CellKind) -> CellValue? {
        var copy = text
        return copy.withUTF8 { value(UnsafeRawBufferPointer($0), kind: kind) }
    }

    /// A `valid min`/`valid max`: a number, a date or a timestamp.
    static func bound(_ text: String) -> CellValue? {
        if let number = DecimalText.double(text) { return .number(number) }
        var copy = text
        return copy.withUTF8 { buffer -> CellValue? in
            let bytes = UnsafeRawBufferPointer(buffer)
            if let days = ValueForm.date(bytes) { return .day(days) }
            if let micros = ValueForm.timestamp(bytes) { return .instant(micros) }
            return nil
        }
    }

    /// An ISO 8601 timestamp (naive = UTC) or a date (its midnight), in microseconds.
    static func instant(_ text: String) -> Int64? {
        var copy = text
        return copy.withUTF8 { buffer -> Int64? in
            let bytes = UnsafeRawBufferPointer(buffer)
            if let micros = ValueForm.timestamp(bytes) { return micros }
            return ValueForm.date(bytes).map { $0 * 86_400_000_000 }
        }
    }

    /// The number Soda reads from a text with a numeric format: every character but
    /// `-0-9.,` dropped, `,` read as `.`; `nil` when nothing is left or it is no number.
    static func castNumber(_ text: String) -> Double? {
        var kept = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9", "-", ".": kept.unicodeScalars.append(scalar)
            case ",": kept.append(".")
            default: break
            }
        }
        return kept.isEmpty ? nil : DecimalText.double(kept)
    }

    /// The latest microsecond a date or timestamp cell stands for: a date is the end of its day.
    static func latestInstant(_ bytes: UnsafeRawBufferPointer, kind: CellKind) -> Int64? {
        switch kind {
        case .date:
            return ValueForm.date(bytes).map { ($0 + 1) * 86_400_000_000 - 1 }
        case .timestamp:
            if let micros = ValueForm.timestamp(bytes) { return micros }
            return ValueForm.date(bytes).map { $0 * 86_400_000_000 }
        case .untyped:
            if let micros = ValueForm.timestamp(bytes) { return micros }
            return ValueForm.date(bytes).map { ($0 + 1) * 86_400_000_000 - 1 }
        default:
            return nil
        }
    }
}
