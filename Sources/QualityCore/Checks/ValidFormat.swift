/// The `valid format` names of the subset, each a whole-value pattern that gives the same
/// verdicts as Soda Core 3.5.6 on the same text (Fixtures/quality/checks, O11).
///
/// The numeric formats allow spaces around the value and between a sign and the digits;
/// `decimal` takes `.` or `,` as the separator, `decimal point` and `decimal comma` one of
/// them; a bare fraction (`.5`) is a decimal. `date iso 8601` takes the basic and extended
/// calendar, week and ordinal forms with an optional time and zone, checking the ranges of
/// month and day digits but not the calendar (`2024-02-30` passes, as in Soda). `email`
/// takes ASCII letters and digits, Latin-1 and Latin Extended-A/B letters, `.-_%+` before the
/// `@`, and a 2–4 letter top-level domain.
public enum ValidFormat: String, Sendable, Hashable, CaseIterable {
    case integer
    case positiveInteger = "positive integer"
    case negativeInteger = "negative integer"
    case decimal
    case positiveDecimal = "positive decimal"
    case negativeDecimal = "negative decimal"
    case decimalPoint = "decimal point"
    case positiveDecimalPoint = "positive decimal point"
    case negativeDecimalPoint = "negative decimal point"
    case decimalComma = "decimal comma"
    case positiveDecimalComma = "positive decimal comma"
    case negativeDecimalComma = "negative decimal comma"
    case percentage
    case dateUS = "date us"
    case dateEU = "date eu"
    case dateInverse = "date inverse"
    case dateISO8601 = "date iso 8601"
    case uuid
    case email
    case ipAddress = "ip address"

    /// Whether values of this format are numbers (so `valid min`/`max` and the aggregates
    /// read a text column through it).
    public var isNumeric: Bool {
        switch self {
        case .integer, .positiveInteger, .negativeInteger, .decimal, .positiveDecimal, .negativeDecimal,
             .decimalPoint, .positiveDecimalPoint, .negativeDecimalPoint, .decimalComma, .positiveDecimalComma,
             .negativeDecimalComma, .percentage:
            return true
        default:
            return false
        }
    }

    /// The pattern, anchored at both ends.
    var pattern: String {
        let space = " *"
        let digits = "[0-9]+"
        let either = "([0-9]+([.,][0-9]+)?|[.,][0-9]+)"
        let point = "([0-9]+(\\.[0-9]+)?|\\.[0-9]+)"
        let comma = "([0-9]+(,[0-9]+)?|,[0-9]+)"
        func signed(_ body: String) -> String { "^\(space)[-+]?\(space)\(body)\(space)$" }
        func positive(_ body: String) -> String { "^\(space)\\+?\(space)\(body)\(space)$" }
        func negative(_ body: String, zero: String) -> String { "^\(space)(-\(space)\(body)|\(zero))\(space)$" }
        let day = "(0?[1-9]|[12][0-9]|3[01])"
        let month = "(0?[1-9]|1[012])"
        let year = "([12][0-9])?[0-9][0-9]"
        let separator = "[-./]"
        switch self {
        case .integer: return signed(digits)
        case .positiveInteger: return positive(digits)
        case .negativeInteger: return negative(digits, zero: "0+")
        case .decimal: return signed(either)
        case .positiveDecimal: return positive(either)
        case .negativeDecimal: return negative(either, zero: "(0+([.,]0+)?|[.,]0+)")
        case .decimalPoint: return signed(point)
        case .positiveDecimalPoint: return positive(point)
        case .negativeDecimalPoint: return negative(point, zero: "(0+(\\.0+)?|\\.0+)")
        case .decimalComma: return signed(comma)
        case .positiveDecimalComma: return positive(comma)
        case .negativeDecimalComma: return negative(comma, zero: "(0+(,0+)?|,0+)")
        case .percentage: return "^\(space)[-+]?\(space)\(either)\(space)%\(space)$"
        case .dateUS: return "^\(space)\(month)\(separator)\(day)\(separator)\(year)\(space)$"
        case .dateEU: return "^\(space)\(day)\(separator)\(month)\(separator)\(year)\(space)$"
        case .dateInverse: return "^\(space)\(year)\(separator)\(month)\(separator)\(day)\(space)$"
        case .dateISO8601:
            let hour = "(0?[0-9]|[01][0-9]|2[0-3])"
            let minute = "[0-5][0-9]"
            let calendar = "((0[1-9]|1[012])-?(0[1-9]|[12][0-9]|3[01])|W[0-5][0-9](-?[1-7])?|[0-3][0-9][0-9])"
            let time = "([ T]\(hour)(:?\(minute)(:?\(minute)([.,][0-9]+)?)?)?([-+]\(hour):?\(minute)|Z)?)?"
            return "^\(space)[12][0-9]{3}-?\(calendar)\(time)\(space)$"
        case .uuid:
            let hex = "[0-9a-fA-F]"
            return "^\(hex){8}-\(hex){4}-\(hex){4}-\(hex){4}-\(hex){12}$"
        case .email:
            let letters = "a-zA-Z\u{C0}-\u{FF}\u{100}-\u{17F}\u{180}-\u{233}0-9"
            return "^[\(letters).\\-_%+]+@[\(letters).\\-_%]+\\.[A-Za-z]{2,4}$"
        case .ipAddress:
            return "^[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}$"
        }
    }

    /// The names, for an error about an unknown one.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension ValidFormat {
    /// The verdict of ``pattern`` without a regex engine, for the formats with a fast path
    /// (`email`, `uuid`); `nil` for the others. The same verdicts as the pattern (tested).
    func fastMatch(_ text: String) -> Bool? {
        switch self {
        case .email: return Self.isEmail(text)
        case .uuid: return Self.isUUID(text)
        default: return nil
        }
    }

    /// ``fastMatch(_:)-(String)`` of a cell, on its bytes when they are ASCII.
    func fastMatch(_ cell: inout PresentCell) -> Bool? {
        switch self {
        case .email: return cell.isASCII() ? Self.isASCIIEmail(cell.bytes) : Self.isEmail(cell.text())
        case .uuid: return Self.isUUID(cell.bytes)
        default: return nil
        }
    }

    /// ``isEmail(_:)`` of ASCII bytes.
    private static func isASCIIEmail(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != 0 else { return false }
        func letter(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "%"):
                return true
            default:
                return false
            }
        }
        for index in 0..<at where !(letter(bytes[index]) || bytes[index] == UInt8(ascii: "+")) { return false }
        var dot: Int?
        for index in (at + 1)..<bytes.count {
            guard letter(bytes[index]) else { return false }
            if bytes[index] == UInt8(ascii: ".") { dot = index }
        }
        guard let dot else { return false }
        let top = bytes.count - dot - 1
        guard (2...4).contains(top) else { return false }
        for index in (dot + 1)..<bytes.count {
            let lower = bytes[index] | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return false }
        }
        return dot != at + 1
    }

    /// `^[L]+@[D]+\.[A-Za-z]{2,4}$`: the part before the first `@` is letters of ``isEmailScalar``
    /// (with `+`), the rest has no `+` or `@` and ends with a dot and 2–4 ASCII letters after
    /// at least one character.
    private static func isEmail(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let at = scalars.firstIndex(of: "@"), at != scalars.startIndex else { return false }
        guard scalars[..<at].allSatisfy({ isEmailScalar($0) || $0 == "+" }) else { return false }
        let domain = scalars[scalars.index(after: at)...]
        guard domain.allSatisfy(isEmailScalar), let dot = domain.lastIndex(of: ".") else { return false }
        let top = domain[domain.index(after: dot)...]
        guard (2...4).contains(top.count), top.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else { return false }
        return dot != domain.startIndex
    }

    /// ASCII letters and digits, Latin-1 and Latin Extended-A/B letters (U+00C0–U+0233), `.-_%`.
    private static func isEmailScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_", "%", "\u{C0}"..."\u{233}": return true
        default: return false
        }
    }

    private static func isUUID(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isUUID(UnsafeRawBufferPointer($0)) }
    }

    private static func isUUID(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let lower = byte | 0x20
                guard (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return false }
            }
        }
        return true
    }
}
