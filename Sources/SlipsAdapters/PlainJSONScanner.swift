import ReportKit

/// One flat item object found by ``PlainJSONScanner/flatObject()``.
struct PlainJSONObject {
    var range: Range<Int>
    /// The `artifact` and `instance` string contents, when those members are strings.
    var artifact: Range<Int>?
    var instance: Range<Int>?
    /// The ``JSONItemRows/hotKeys`` value offsets (from the `{`, plus 1; 0 when absent).
    var hot = SIMD16<UInt16>()
    /// `version_instance` and `version_latest` when each is a whole number of at most nine
    /// digits written plainly (`0`, `12`; not `-0`, `1.0`), else -1: read without the text.
    var wholes = SIMD2<Int32>(-1, -1)
}

/// A strict scanner for the plain subset of JSON a buildables export uses; every function
/// answers `nil`/`false` on anything outside it, leaving the text to ``JSONReader``.
struct PlainJSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    /// The keys of the object being read other than the known ones, as their length and
    /// first and last bytes (most keys differ there), kept to reuse the storage.
    private var keys: [(range: Range<Int>, signature: Int)] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Skips white space, then `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func atEnd() -> Bool {
        skipSpace()
        return position == bytes.count
    }

    /// A string without escapes or control characters and of valid UTF-8; its contents' range.
    mutating func plainString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        var ascii = true
        while position < bytes.count {
            // Eight bytes at a time while none of them is a quote, a backslash, a control or
            // a non-ASCII byte (each test sets a byte's high bit for such a byte, never misses
            // one; a wrong mark can only follow a right one, since a borrow runs upwards, so
            // the lowest mark is a special byte and the bytes before it are plain).
            if position &+ 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let quotes = word ^ (ones &* 0x22)
                let slashes = word ^ (ones &* 0x5C)
                let special = (((quotes &- ones) & ~quotes) | ((slashes &- ones) & ~slashes) | ((word &- ones &* 0x20) & ~word) | word)
                    & (ones &* 0x80)
                // Little-endian: the first byte in the text is the word's lowest. Skipped to
                // the first special byte, which the byte test below reads.
                position &+= special.trailingZeroBitCount &>> 3
                if special == 0 { continue }
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                if !ascii, String(validating: bytes[start..<position - 1], as: UTF8.self) == nil { return nil }
                return start..<position - 1
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        return nil
    }

    /// A plain string, a short plain number, `true`, `false` or `null`; its whole text's range.
    mutating func plainValue() -> Range<Int>? {
        skipSpace()
        guard position < bytes.count else { return nil }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "\""):
            guard plainString() != nil else { return nil }
        case UInt8(ascii: "t"): guard literal("true") else { return nil }
        case UInt8(ascii: "f"): guard literal("false") else { return nil }
        case UInt8(ascii: "n"): guard literal("null") else { return nil }
        default: guard number() else { return nil }
        }
        return start..<position
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` of at most 15 digits (no exponent: JSONReader decides those).
    private mutating func number() -> Bool {
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        var digits = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        guard isDigit(position) else { return false }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            digits = 1
        } else {
            while isDigit(position) { position += 1; digits += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else { return false }
            while isDigit(position) { position += 1; digits += 1 }
        }
        guard digits <= 15, position >= bytes.count || !Self.continuesNumber(bytes[position]) else { return false }
        return true
    }

    private static func continuesNumber(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// An object of plain members with no repeated key.
    mutating func flatObject() -> PlainJSONObject? {
        guard take(UInt8(ascii: "{")) else { return nil }
        let start = position - 1
        var object = PlainJSONObject(range: start..<start)
        // Repeats of the known keys (the columns', `artifact`, `instance`) are seen as bits;
        // only other keys are kept and compared.
        var seen: UInt16 = 0
        if !keys.isEmpty { keys.removeAll(keepingCapacity: true) }
        if !take(UInt8(ascii: "}")) {
            repeat {
                guard let key = plainString(), take(UInt8(ascii: ":")), let value = plainValue() else { return nil }
                let bit: UInt16
                let isString = bytes[value.lowerBound] == UInt8(ascii: "\"")
                if let slot = hotSlot(key) {
                    bit = 1 << slot
                    object.hot[slot] = UInt16(truncatingIfNeeded: value.lowerBound - start + 1)
                    if slot < 2, let whole = smallWhole(value) { object.wholes[slot] = whole }
                } else if key.count == 8, bytes.holds(key, "artifact") {
                    bit = 1 << 11
                    if isString { object.artifact = value.lowerBound + 1..<value.upperBound - 1 }
                } else if key.count == 8, bytes.holds(key, "instance") {
                    bit = 1 << 12
                    if isString { object.instance = value.lowerBound + 1..<value.upperBound - 1 }
                } else {
                    bit = 0
                    let signature = key.isEmpty ? 0 : key.count << 16 | Int(bytes[key.lowerBound]) << 8 | Int(bytes[key.upperBound - 1])
                    for earlier in keys where earlier.signature == signature && bytes.same(earlier.range, key) { return nil }
                    keys.append((key, signature))
                }
                guard seen & bit == 0 else { return nil }
                seen |= bit
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        object.range = start..<position
        return object
    }

    /// The number in `range` when it is only digits, at most nine (a checked plain value).
    private func smallWhole(_ range: Range<Int>) -> Int32? {
        guard range.count <= 9 else { return nil }
        var whole: Int32 = 0
        for position in range {
            let digit = bytes[position] &- 0x30
            guard digit <= 9 else { return nil }
            whole = whole &* 10 &+ Int32(digit)
        }
        return whole
    }

    /// The ``JSONItemRows/hotKeys`` slot of the key in `range`, if any.
    private func hotSlot(_ key: Range<Int>) -> Int? {
        // The names as static text: compared byte for byte, no `String` touched per key.
        func slot(_ candidate: Int, _ name: StaticString) -> Int? { bytes.holds(key, name) ? candidate : nil }
        let first = bytes[key.lowerBound]
        switch key.count {
        case 4:
            switch first {
            case UInt8(ascii: "p"): return slot(2, "plan")
            case UInt8(ascii: "d"): return slot(5, "date")
            case UInt8(ascii: "n"): return slot(9, "note")
            default: return nil
            }
        case 6: return first == UInt8(ascii: "s") ? slot(7, "status") : nil
        case 7:
            guard first == UInt8(ascii: "u") else { return nil }
            return bytes[key.upperBound - 1] == UInt8(ascii: "d") ? slot(6, "updated") : slot(10, "updater")
        case 10: return first == UInt8(ascii: "c") ? slot(8, "confidence") : nil
        case 14: return first == UInt8(ascii: "v") ? slot(1, "version_latest") : nil
        case 16: return first == UInt8(ascii: "v") ? slot(0, "version_instance") : nil
        case 19:
            guard first == UInt8(ascii: "b") else { return nil }
            return bytes[key.lowerBound + 11] == UInt8(ascii: "a") ? slot(3, "belongs_to_artifact") : slot(4, "belongs_to_instance")
        default: return nil
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// `true` when the bytes in `range` are `name`'s (ASCII, static text).
    func holds(_ range: Range<Int>, _ name: StaticString) -> Bool {
        name.utf8CodeUnitCount == range.count && (range.isEmpty || bytesEqual(name.utf8Start, baseAddress! + range.lowerBound, count: range.count))
    }

    /// `true` when the bytes in `range` are `name`'s UTF-8.
    func matches(_ range: Range<Int>, _ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.count == range.count else { return false }
        if let equal = utf8.withContiguousStorageIfAvailable({ name in
            name.isEmpty || bytesEqual(name.baseAddress!, baseAddress! + range.lowerBound, count: name.count)
        }) {
            return equal
        }
        return self[range].elementsEqual(utf8)
    }

    /// `true` when the bytes in `lhs` and `rhs` are the same.
    func same(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        lhs.count == rhs.count && bytesEqual(baseAddress! + lhs.lowerBound, baseAddress! + rhs.lowerBound, count: lhs.count)
    }

    /// The text of `range` (checked UTF-8).
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }
}
