import ReportKit

/// Reading one raw field (UTF-8 bytes, already unquoted) as each of the typed forms.
///
/// No form allows surrounding spaces: ` 12` is text. Missing values (empty fields) never
/// reach these functions.
enum ValueForm {
    /// The one form `bytes` takes, tried in the order integer, decimal, boolean, date,
    /// timestamp; `.other` when none.
    static func of(_ bytes: UnsafeRawBufferPointer) -> ValueForms {
        guard let first = bytes.first else { return .other }
        if first.isDigit || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") {
            if integer(bytes) != nil { return .integer }
            if isDecimal(bytes) { return .decimal }
            if date(bytes) != nil { return .date }
            if timestamp(bytes) != nil { return .timestamp }
            return .other
        }
        if boolean(bytes) != nil { return .boolean }
        return .other
    }

    /// `[+-] digit+` within `Int64`.
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var index = 0
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        if bytes.count - index <= 18 {  // cannot overflow: no overflow checks per digit
            var small: Int64 = 0
            while index < bytes.count {
                let digit = bytes[index] &- 48
                guard digit < 10 else { return nil }
                small = small &* 10 &+ Int64(digit)
                index += 1
            }
            return negative ? -small : small
        }
        var magnitude: UInt64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte.isDigit else { return nil }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte &- 48))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            index += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// `[+-] (digit+ [. digit*] | . digit+) [(e|E) [+-] digit+]`.
    static func isDecimal(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var digits = 0
        while index < count, bytes[index].isDigit { index += 1; digits += 1 }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, bytes[index].isDigit { index += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < count, bytes[index].isDigit { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return index == count
    }

    /// The nearest `Double` to a decimal (see ``isDecimal(_:)``), or `nil` when not one:
    /// ReportKit's correctly rounded ``DecimalText`` reads it once the grammar is checked
    /// (which keeps `nan`, `inf` and hexadecimal floats text).
    static func number(_ bytes: UnsafeRawBufferPointer) -> Double? {
        if let short = shortDecimal(bytes) { return short }
        if let whole = integer(bytes) {
            return Double(whole)
        }
        guard isDecimal(bytes) else { return nil }
        return DecimalText.double(bytes.bindMemory(to: UInt8.self))
    }

    /// Powers of ten a `Double` holds exactly.
    private static let exactPowersOfTen: [Double] = (0...15).map { power in (0..<power).reduce(1.0) { value, _ in value * 10 } }

    /// A decimal with a point, at most 15 digits and no exponent (`-14076.01`, `.5`, `3.`),
    /// read in one pass: its digits as a whole number, which a `Double` holds exactly, over
    /// an exact power of ten, is one correctly rounded division (Clinger's fast path), the
    /// value ``DecimalText`` gives. `nil` for anything else, which the full reading takes.
    @inline(__always)
    static func shortDecimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let count = bytes.count
        guard count > 1, count <= 17 else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative || bytes[0] == UInt8(ascii: "+") { index = 1 }
        var digits: Int64 = 0
        var seen = 0
        var point = -1
        while index < count {
            let byte = bytes[index]
            let digit = byte &- 48
            if digit < 10 {
                digits = digits &* 10 &+ Int64(digit)
                seen += 1
            } else if byte == UInt8(ascii: "."), point < 0 {
                point = index
            } else {
                return nil
            }
            index += 1
        }
        guard point >= 0, seen > 0, seen <= 15 else { return nil }
        let value = Double(digits) / exactPowersOfTen[count - 1 - point]
        return negative ? -value : value
    }

    /// ``number(_:)`` of a value whose form ``of(_:)`` found already: its grammar is not
    /// checked again.
    static func number(_ bytes: UnsafeRawBufferPointer, form: ValueForms) -> Double? {
        switch form {
        case .integer: return integer(bytes).map { Double($0) }
        case .decimal: return shortDecimal(bytes) ?? DecimalText.double(bytes.bindMemory(to: UInt8.self))
        default: return nil
        }
    }

    /// pandas' spellings: `True`, `TRUE`, `true`, `False`, `FALSE`, `false`.
    static func boolean(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        switch bytes.count {
        case 4:
            let word = (bytes[0], bytes[1], bytes[2], bytes[3])
            if word == (0x74, 0x72, 0x75, 0x65) || word == (0x54, 0x72, 0x75, 0x65) || word == (0x54, 0x52, 0x55, 0x45) {
                return true
            }
        case 5:
            let tail = (bytes[1], bytes[2], bytes[3], bytes[4])
            if bytes[0] == 0x66, tail == (0x61, 0x6C, 0x73, 0x65) { return false }
            if bytes[0] == 0x46, tail == (0x61, 0x6C, 0x73, 0x65) || tail == (0x41, 0x4C, 0x53, 0x45) { return false }
        default:
            break
        }
        return nil
    }

    /// `YYYY-MM-DD` as days since 1970-01-01.
    static func date(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count == 10 else { return nil }
        return day(bytes)
    }

    /// The day of the first ten bytes, `YYYY-MM-DD`, read as two words (``DigitWord``).
    @inline(__always)
    private static func day(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count >= 10 else { return nil }
        let head = DigitWord(bytes.loadUnaligned(as: UInt64.self))  // YYYY-MM-
        let tail = DigitWord(UInt64(bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self)))  // DD
        guard head.hasDigits(at: 0x00FF_FF00_FFFF_FFFF), head.word & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000,
              tail.hasDigits(at: 0xFFFF)
        else { return nil }
        let year = head.number(at: 0, digits: 4), month = head.number(at: 5, digits: 2), day = tail.number(at: 0, digits: 2)
        guard (1...12).contains(month), day >= 1, day <= 28 || day <= CivilCalendar.daysIn(month: month, year: year)
        else { return nil }
        return Int64(CivilCalendar.days(year: year, month: month, day: day))
    }

    /// `HH:MM:SS` at byte 11 as seconds into the day, read as one word, or `nil` (another
    /// clock, which the byte-by-byte reading takes).
    @inline(__always)
    private static func clockWithSeconds(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 19 else { return nil }
        let clock = DigitWord(bytes.loadUnaligned(fromByteOffset: 11, as: UInt64.self))
        guard clock.hasDigits(at: 0xFFFF_00FF_FF00_FFFF), clock.word & 0x0000_FF00_00FF_0000 == 0x0000_3A00_003A_0000 else {
            return nil
        }
        let hour = clock.number(at: 0, digits: 2), minute = clock.number(at: 3, digits: 2), second = clock.number(at: 6, digits: 2)
        guard hour < 24, minute < 60, second < 60 else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// A date, `T`/`t`/space, `HH:MM[:SS[.fraction]]`, then `Z`, `±HH[:MM]`, `±HHMM` or
    /// nothing (UTC), as microseconds since 1970-01-01T00:00Z (digits past the sixth of the
    /// fraction are dropped). A date alone is not a timestamp here (it is a date).
    static func timestamp(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count >= 16, let days = day(bytes) else { return nil }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else { return nil }
        var micros: Int64
        var index: Int
        if let seconds = clockWithSeconds(bytes) {
            micros = (days * 86_400 + Int64(seconds)) * 1_000_000
            index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {  // a fraction only after seconds
                index += 1
                var scale: Int64 = 100_000
                let start = index
                while index < bytes.count, bytes[index].isDigit {
                    micros += Int64(bytes[index] &- 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        } else {
            // `HH:MM` without seconds. A clock with seconds that the word reading refused has
            // none that are valid: its `:` at byte 16 then fails as a zone.
            guard let hour = digits(bytes, 11, 2), hour < 24, bytes[13] == UInt8(ascii: ":"),
                  let minute = digits(bytes, 14, 2), minute < 60
            else { return nil }
            micros = (days * 86_400 + Int64(hour * 3600 + minute * 60)) * 1_000_000
            index = 16
        }
        guard let offset = zoneOffset(bytes, from: index) else { return nil }
        return micros - Int64(offset) * 1_000_000
    }

    /// Seconds east of UTC of the zone starting at `index`, which must end the field.
    private static func zoneOffset(_ bytes: UnsafeRawBufferPointer, from index: Int) -> Int? {
        let rest = bytes.count - index
        if rest == 0 { return 0 }
        if rest == 1, bytes[index] | 0x20 == UInt8(ascii: "z") { return 0 }
        let sign = bytes[index]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let hours = digits(bytes, index + 1, 2), hours < 24 else { return nil }
        var minutes = 0
        switch rest {
        case 3: break
        case 5: guard let value = digits(bytes, index + 3, 2) else { return nil }; minutes = value
        case 6:
            guard bytes[index + 3] == UInt8(ascii: ":"), let value = digits(bytes, index + 4, 2) else { return nil }
            minutes = value
        default: return nil
        }
        guard minutes < 60 else { return nil }
        let offset = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -offset : offset
    }

    @inline(__always)
    private static func digits(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        var nonDigit = false
        for index in start..<(start + count) {
            let digit = bytes[index] &- 48
            nonDigit = nonDigit || digit >= 10
            value = value &* 10 &+ Int(digit)
        }
        return nonDigit ? nil : value
    }
}

extension UInt8 {
    @inline(__always) var isDigit: Bool { self &- 48 < 10 }
}
