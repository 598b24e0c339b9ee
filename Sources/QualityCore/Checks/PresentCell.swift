import ReportKit

/// A present (non-`NULL`) cell while a metric's rules judge it: its bytes, with its value in
/// the column's type and its text made only when a rule needs them, so a check whose rules
/// read bytes (regexes, ASCII values and lengths) makes no `String` per cell.
struct PresentCell {
    let bytes: UnsafeRawBufferPointer
    let kind: CellKind
    private var madeValue: CellValue?
    private var madeText: String?
    private var asciiKnown: Bool?

    /// `nil` when the bytes are not a value of `kind` (text always is).
    init?(_ bytes: UnsafeRawBufferPointer, kind: CellKind) {
        self.bytes = bytes
        self.kind = kind
        if !kind.isTextual {
            guard let value = CellReading.value(bytes, kind: kind) else { return nil }
            madeValue = value
        }
    }

    /// The value in the column's type (`.text` for text).
    mutating func value() -> CellValue {
        if let madeValue { return madeValue }
        let value = CellValue.text(text())
        madeValue = value
        return value
    }

    /// The cell's text (bytes that are not UTF-8 repaired as `String(decoding:as:)` does).
    mutating func text() -> String {
        if let madeText { return madeText }
        let text = String(decoding: bytes, as: UTF8.self)
        madeText = text
        return text
    }

    /// Whether every byte is ASCII: then comparing bytes is comparing texts, and the byte count
    /// is the code point count.
    mutating func isASCII() -> Bool {
        if let asciiKnown { return asciiKnown }
        let ascii = Self.allASCII(bytes)
        asciiKnown = ascii
        return ascii
    }

    static func allASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The number of code points of the text.
    mutating func length() -> Int {
        if isASCII() { return bytes.count }
        if let madeText { return madeText.unicodeScalars.count }
        return Self.codePoints(bytes)
    }

    /// The code points of the text `String(decoding:as:)` makes of `bytes`, counted without
    /// making it: each scalar, and each invalid sequence it replaces by one U+FFFD.
    static func codePoints(_ bytes: UnsafeRawBufferPointer) -> Int {
        if let valid = validCodePoints(bytes) { return valid }
        var count = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid, .error: count += 1
            case .emptyInput: return count
            }
        }
    }
}

extension PresentCell {
    /// The code points of `bytes` when they are well-formed UTF-8 (RFC 3629: no overlong
    /// forms, no surrogates, nothing past U+10FFFF), else `nil`: well-formed, the code points
    /// are the ASCII bytes (eight at a time) and the sequences, counted as they are checked.
    static func validCodePoints(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var index = 0, points = 0
        while index < count {
            if index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                points += 8
                continue
            }
            let lead = bytes[index]
            points += 1
            if lead < 0x80 { index += 1; continue }
            let width: Int, low: UInt8, high: UInt8  // the bounds of the second byte
            switch lead {
            case 0xC2...0xDF: (width, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (width, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (width, low, high) = (3, 0x80, 0xBF)
            case 0xED: (width, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (width, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (width, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (width, low, high) = (4, 0x80, 0x8F)
            default: return nil
            }
            guard index + width <= count, (low...high).contains(bytes[index + 1]) else { return nil }
            for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 { return nil }
            index += width
        }
        return points
    }
}

/// Configured values (`missing values`, `valid values`) as a set of cell values, and, when
/// they are all ASCII text, as bytes too: an ASCII cell then matches by its bytes (a
/// non-ASCII cell still compares as text, so canonically equivalent texts stay equal).
struct CellValueSet {
    let values: Set<CellValue>
    private let asciiTexts: [[UInt8]]?

    init(_ values: Set<CellValue>) {
        self.values = values
        var texts: [[UInt8]] = []
        for value in values {
            guard case .text(let text) = value, text.utf8.allSatisfy({ $0 < 0x80 }) else {
                texts = []
                asciiTexts = nil
                return
            }
            texts.append(Array(text.utf8))
        }
        asciiTexts = texts.count <= 32 ? texts : nil
    }

    var isEmpty: Bool { values.isEmpty }

    func contains(_ cell: inout PresentCell) -> Bool {
        if values.isEmpty { return false }
        if let asciiTexts, cell.kind.isTextual, cell.isASCII() {
            let bytes = cell.bytes
            return asciiTexts.contains { candidate in
                candidate.count == bytes.count && candidate.withUnsafeBytes { $0.elementsEqual(bytes) }
            }
        }
        return values.contains(cell.value())
    }
}
