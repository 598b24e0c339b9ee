/// Decimal numbers read from text, correctly rounded, fast for the ones data files hold.
///
/// ``double(_:)-(UnsafeBufferPointer<UInt8>)`` gives exactly what `Double(String)` gives for the
/// same text (including `nil` for text that is not a number, such as a number with spaces
/// around it). Most numbers in statistics and exports are short decimals (`42`, `-7`,
/// `0.125`, `1.5e3`); for those it uses Clinger's fast path: at most 15 significant digits
/// make an integer `m` below 2^53 and a power of ten `10^k` with `|k| ≤ 22` is exact too, so
/// one multiplication or division, itself correctly rounded, gives the correctly rounded
/// value of `m × 10^k`. Anything else (16 or more significant digits, a larger exponent,
/// `inf`, `nan`, hexadecimal) goes to the standard library's `strtod`-based reading.
public enum DecimalText {
    /// The number `bytes` spell, as `Double(String(decoding: bytes, as: UTF8.self))` reads it.
    @inlinable @inline(__always)
    public static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // Counts are the most common numbers of all: `-?[0-9]{1,15}`, exact as a Double.
        if let whole = wholeNumber(bytes) { return whole }
        switch fastPath(bytes) {
        case .number(let value): return value
        case .notANumber: return nil
        case .undecided: return fallback(bytes)
        }
    }

    /// The number `text` spells, as `Double(text)` reads it.
    public static func double(_ text: some StringProtocol) -> Double? {
        var text = String(text)
        return text.withUTF8 { double($0) }
    }

    /// `-?[0-9]{1,15}` as a Double (exact: below 2^53), else `nil`.
    @inlinable @inline(__always)
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let count = bytes.count
        let negative = count > 1 && bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard count > index, count - index <= 15 else { return nil }
        var value: Int64 = 0
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            index &+= 1
        }
        // `-0` is negative zero, as `Double("-0")` reads it.
        return negative ? -Double(value) : Double(value)
    }

    @usableFromInline
    enum FastPath {
        case number(Double)
        /// Text `Double(String)` refuses for sure (empty, a sign alone).
        case notANumber
        /// Not a number for the fast path to decide.
        case undecided
    }

    /// `[+-]? digits* (. digits*)? ([eE] [+-]? digits+)?` with at least one mantissa digit, at
    /// most 15 significant digits and a decimal exponent within ±22; anything else is
    /// `.undecided` (or `.notANumber` when it surely is not one).
    @inlinable @inline(__always)
    static func fastPath(_ bytes: UnsafeBufferPointer<UInt8>) -> FastPath {
        let count = bytes.count
        guard count > 0 else { return .notANumber }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
            guard count > 1 else { return .notANumber }
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        while index < count {
            let byte = bytes[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digits &+= 1
                if mantissa != 0 || digit != 0 {
                    significant &+= 1
                    if significant > 15 { return .undecided }
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                }
                if sawPoint { fractionDigits &+= 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index &+= 1
        }
        guard digits > 0 else { return .undecided }
        var exponent = 0
        if index < count {
            guard bytes[index] | 0x20 == UInt8(ascii: "e") else { return .undecided }
            index &+= 1
            var negativeExponent = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negativeExponent = bytes[index] == UInt8(ascii: "-")
                index &+= 1
            }
            var exponentDigits = 0
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return .undecided }
                exponent = exponent &* 10 &+ Int(digit)
                exponentDigits &+= 1
                if exponentDigits > 4 { return .undecided }
                index &+= 1
            }
            guard exponentDigits > 0 else { return .undecided }
            if negativeExponent { exponent = -exponent }
        }
        if mantissa == 0 { return .number(negative ? -0.0 : 0.0) }
        let power = exponent &- fractionDigits
        guard power >= -22, power <= 22 else { return .undecided }
        var value = Double(mantissa)
        if power > 0 { value *= powersOfTen[power] } else if power < 0 { value /= powersOfTen[-power] }
        return .number(negative ? -value : value)
    }

    /// The exact powers of ten a `Double` holds: 10^0 … 10^22.
    @usableFromInline
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @usableFromInline
    static func fallback(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        Double(String(decoding: bytes, as: UTF8.self))
    }
}
