import Foundation

/// Writes ``JSONValue``s as JSON text, byte-stable so golden files compare exactly.
///
/// - ``canonical(_:)``: keys sorted by Unicode code point, two-space indentation, one
///   element per line and `": "` after keys: the layout of Python's
///   `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)`, without a final newline.
/// - ``compact(_:)``: keys sorted, no whitespace at all.
/// - ``inlineScript(_:)``: compact, and safe to inline in an HTML `<script>` element.
/// - ``compactInOrderData(_:)``: no whitespace, members in document order.
///
/// Strings escape `"`, `\` and control characters (`\n`, `\t`, … or `\u00XX`); everything
/// else, non-ASCII included, is written as UTF-8. Numbers: integral values below 2^53 in
/// magnitude print as integers (`30`, never `30.0`); others in the shortest form that reads
/// back to the same `Double` (`0.1`, `1e-07`). JSON has no NaN or infinity: they print as `null`.
public enum JSONWriter {
    /// Pretty, sorted, two-space indented JSON text.
    public static func canonical(_ value: JSONValue) -> String {
        var out = JSONOutput()
        write(value, indent: 0, pretty: true, sorted: true, into: &out)
        return String(decoding: out.bytes(), as: UTF8.self)
    }

    /// Sorted JSON text without whitespace.
    public static func compact(_ value: JSONValue) -> String {
        var out = JSONOutput()
        write(value, indent: 0, pretty: false, sorted: true, into: &out)
        return String(decoding: out.bytes(), as: UTF8.self)
    }

    /// JSON text without whitespace, object members in their document (or insertion) order,
    /// as Python's `json.dumps` writes a dict, for outputs whose readers expect the producer's
    /// order. Returned as `Data` that takes over the written buffer: outputs go straight to a
    /// store.
    public static func compactInOrderData(_ value: JSONValue) -> Data {
        var out = JSONOutput()
        write(value, indent: 0, pretty: false, sorted: false, into: &out)
        return out.data()
    }

    /// Sorted JSON text without whitespace that is safe inside an HTML
    /// `<script type="application/json">` element: besides the usual escapes, `<`, `>` and
    /// `&` are written as `\u003c`, `\u003e` and `\u0026` (so neither `</script>` nor `<!--`
    /// can appear), and U+2028 and U+2029 as `\u2028` and `\u2029`. A JSON reader gets back
    /// exactly the same value; read it in a page with
    /// `JSON.parse(document.getElementById(id).textContent)`.
    public static func inlineScript(_ value: JSONValue) -> String {
        var out = JSONOutput()
        write(value, indent: 0, pretty: false, sorted: true, scriptSafe: true, into: &out)
        return String(decoding: out.bytes(), as: UTF8.self)
    }

    static func write(
        _ value: JSONValue, indent: Int, pretty: Bool, sorted: Bool, scriptSafe: Bool = false, into out: inout JSONOutput
    ) {
        switch value {
        case .null: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .number(let number): writeNumber(number, into: &out)
        case .string(let text): scriptSafe ? writeScriptSafeString(text, into: &out) : writeString(text, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out.append("[]"); return }
            out.append(UInt8(ascii: "["))
            for position in elements.indices {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1, into: &out) }
                write(elements[position], indent: indent + 1, pretty: pretty, sorted: sorted, scriptSafe: scriptSafe, into: &out)
            }
            if pretty { newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { out.append("{}"); return }
            out.append(UInt8(ascii: "{"))
            let members = sorted ? object.sortedMembers : object.members
            for position in members.indices {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1, into: &out) }
                if scriptSafe { writeScriptSafeString(members[position].key, into: &out) } else { writeString(members[position].key, into: &out) }
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(members[position].value, indent: indent + 1, pretty: pretty, sorted: sorted, scriptSafe: scriptSafe, into: &out)
            }
            if pretty { newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, into out: inout JSONOutput) {
        out.write(upTo: 1 + indent * 2) { start in
            start[0] = 0x0A
            (start + 1).initialize(repeating: UInt8(ascii: " "), count: indent * 2)
            return 1 + indent * 2
        }
    }

    /// Integral values below 2^53 as integers; others in shortest round-trip form.
    static func writeNumber(_ number: Double, into out: inout JSONOutput) {
        guard number.isFinite else { out.append("null"); return }
        if abs(number) < 9_007_199_254_740_992, let integer = Int64(exactly: number) {
            out.write(upTo: 20) { start in
                var magnitude = integer.magnitude
                var length = integer < 0 ? 2 : 1
                var rest = magnitude / 10
                while rest > 0 { length += 1; rest /= 10 }
                if integer < 0 { start[0] = UInt8(ascii: "-") }
                var position = length
                repeat {
                    position -= 1
                    start[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                return length
            }
            return
        }
        // Double's shortest round-trip text (its `description`): at most 24 bytes, a small
        // string kept inline (no heap allocation), copied in one go. (Through a private stream
        // hook of the standard library it was a little faster: a canonical write of 2M
        // doubles took 0.79 s median against 0.84 s this way; not visible in a whole
        // pipeline run, so the public path it is.)
        var text = number.description
        text.withUTF8 { bytes in
            out.write(upTo: bytes.count) { start in
                guard let source = bytes.baseAddress else { return 0 }
                start.initialize(from: source, count: bytes.count)
                return bytes.count
            }
        }
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    static func writeString(_ text: String, into out: inout JSONOutput) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for offset in bytes.indices {
                let byte = bytes[offset]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                runStart = offset + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append("u00")
                    hexDigits.withUTF8Buffer { digits in
                        out.append(digits[Int(byte >> 4)])
                        out.append(digits[Int(byte & 0xF)])
                    }
                }
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// ``writeString(_:into:)`` plus the escapes of ``inlineScript(_:)``: `<`, `>`, `&`,
    /// U+2028 and U+2029 as `\uXXXX`. Kept apart so the common writer's loop stays as tight.
    static func writeScriptSafeString(_ text: String, into out: inout JSONOutput) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                let escape: StaticString?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
                    escape = bytes[offset + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case 0..<0x20: escape = nil
                default:
                    offset += 1
                    continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                if let escape {
                    out.append(escape)
                } else {
                    out.append("\\u00")
                    hexDigits.withUTF8Buffer { digits in
                        out.append(digits[Int(byte >> 4)])
                        out.append(digits[Int(byte & 0xF)])
                    }
                }
                offset += width
                runStart = offset
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
