import Foundation
import ReportKit

/// Sets attributes of one item in a buildables JSON text by splicing the text, so that every
/// other item keeps its bytes: numbers such as `9007199254740993` or `12345678901234567890`,
/// which a `Double` cannot hold, are not rewritten as `9007199254740992.0`.
///
/// The edited item (or a new one, appended to `items`) is written as compact JSON (keys
/// sorted) in its place; everything else is copied. Returns `nil` for a text whose `items` list it cannot
/// find; the caller then writes the whole document.
enum JSONItemEdit {
    /// `bytes` with the item at `position` of `items` replaced by `item`, or with `item`
    /// appended when `position` is `nil`.
    static func apply(to bytes: [UInt8], position: Int?, item: JSONObject) -> [UInt8]? {
        var scanner = Scanner(bytes: bytes)
        guard let list = scanner.itemsList() else { return nil }
        let text = Array(JSONWriter.compact(.object(item)).utf8)
        var edited = bytes
        if let position {
            guard position < list.elements.count else { return nil }
            edited.replaceSubrange(list.elements[position], with: text)
        } else if let last = list.elements.last {
            edited.replaceSubrange(last.upperBound..<last.upperBound, with: Array(", ".utf8) + text)
        } else {
            edited.replaceSubrange(list.open + 1..<list.open + 1, with: text)
        }
        return edited
    }

    /// Finds value ranges without building values; `nil` on anything it does not expect
    /// (the document was already parsed, so that is only a shape it does not edit).
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        /// The top-level `items` array: where its `[` is and each element's byte range.
        /// The last `items` key counts, as it does when the document is read.
        mutating func itemsList() -> (open: Int, elements: [Range<Int>])? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var found: (open: Int, elements: [Range<Int>])?
            skipSpace()
            if take(UInt8(ascii: "}")) { return nil }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                if key == "items", peek == UInt8(ascii: "[") {
                    guard let list = array() else { return nil }
                    found = list
                } else {
                    guard skipValue() else { return nil }
                }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return nil }
                return found
            }
        }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        /// A string's decoded text (through the reader when it has escapes).
        mutating func string() -> String? {
            let start = index
            guard skipString() else { return nil }
            let slice = Array(bytes[start..<index])
            if !slice.contains(UInt8(ascii: "\\")) { return String(decoding: slice.dropFirst().dropLast(), as: UTF8.self) }
            return (try? JSONReader.parse(slice))?.stringValue
        }

        mutating func skipString() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            while let byte = peek {
                index += 1
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { return true }
            }
            return false
        }

        /// The array at the cursor: its `[` and each element's range.
        mutating func array() -> (open: Int, elements: [Range<Int>])? {
            let open = index
            guard take(UInt8(ascii: "[")) else { return nil }
            var elements: [Range<Int>] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return (open, elements) }
            while true {
                skipSpace()
                let start = index
                guard skipValue() else { return nil }
                elements.append(start..<index)
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "]")) else { return nil }
                return (open, elements)
            }
        }

        /// Skips one value: nested brackets counted, strings skipped whole.
        mutating func skipValue() -> Bool {
            guard let first = peek else { return false }
            if first == UInt8(ascii: "\"") { return skipString() }
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                var depth = 0
                while let byte = peek {
                    if byte == UInt8(ascii: "\"") { guard skipString() else { return false }; continue }
                    index += 1
                    if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                    if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 { return true }
                    }
                }
                return false
            }
            let start = index
            while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]"),
                  byte != 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09 { index += 1 }
            return index > start
        }
    }
}
