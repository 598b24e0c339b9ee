/// Writes ``JSONValue``s as JSON text, byte-stable so golden files compare exactly.
///
/// - ``canonical(_:)``: keys sorted by Unicode code point, two-space indentation, one
///   element per line and `": "` after keys: the layout of Python's
///   `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)`, without a final newline.
/// - ``compact(_:)``: keys sorted, no whitespace at all.
///
/// Strings escape `"`, `\` and control characters (`\n`, `\t`, … or `\u00XX`); everything
/// else, non-ASCII included, is written as UTF-8. Numbers: integral values below 2^53 in
/// magnitude print as integers (`30`, never `30.0`); others in the shortest form that reads
/// back to the same `Double` (`0.1`, `1e-07`). JSON has no NaN or infinity: they print as `null`.
public enum JSONWriter {
    /// Pretty, sorted, two-space indented JSON text.
    public static func canonical(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        writeCanonical(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Sorted JSON text without whitespace.
    public static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        writeCompact(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// JSON text without whitespace, object members in their document order (as Python's
    /// `json.dumps` writes a dict), for outputs whose readers expect the producer's order.
    public static func compactInOrder(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, indent: 0, pretty: false, sorted: false, into: &out)
        return out
    }

    /// Appends the canonical form of `value` to `out`.
    public static func writeCanonical(_ value: JSONValue, into out: inout [UInt8]) {
        write(value, indent: 0, pretty: true, sorted: true, into: &out)
    }

    /// Appends the compact form of `value` to `out`.
    public static func writeCompact(_ value: JSONValue, into out: inout [UInt8]) {
        write(value, indent: 0, pretty: false, sorted: true, into: &out)
    }

    private static func write(_ value: JSONValue, indent: Int, pretty: Bool, sorted: Bool, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let flag): out.append(contentsOf: flag ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number(let number): writeNumber(number, into: &out)
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1, into: &out) }
                write(element, indent: indent + 1, pretty: pretty, sorted: sorted, into: &out)
            }
            if pretty { newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(UInt8(ascii: "{"))
            let members = sorted ? object.sortedMembers : object.members
            for (position, member) in members.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1, into: &out) }
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(member.value, indent: indent + 1, pretty: pretty, sorted: sorted, into: &out)
            }
            if pretty { newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Integral values below 2^53 as integers; others in shortest round-trip form.
    static func writeNumber(_ number: Double, into out: inout [UInt8]) {
        guard number.isFinite else { out.append(contentsOf: Array("null".utf8)); return }
        if number.rounded(.towardZero) == number, abs(number) < 9_007_199_254_740_992 {
            var integer = Int64(number)
            if integer == 0 { out.append(UInt8(ascii: "0")); return }
            if integer < 0 { out.append(UInt8(ascii: "-")); integer = -integer }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var start = 20
                while integer > 0 {
                    start -= 1
                    digits[start] = UInt8(ascii: "0") + UInt8(integer % 10)
                    integer /= 10
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
            }
            return
        }
        out.append(contentsOf: Array(number.description.utf8))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
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
                    out.append(contentsOf: Array("u00".utf8))
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
