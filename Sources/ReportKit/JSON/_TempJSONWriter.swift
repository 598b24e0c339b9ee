import Foundation
// Temporary stand-in until the byte-level writer lands (replaced on merge).
public enum JSONWriter {
    public static func canonical(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, pretty: true, into: &out)
        return out
    }
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, pretty: false, into: &out)
        return out
    }
    static func write(_ value: JSONValue, indent: Int, pretty: Bool, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n):
            if n.rounded(.towardZero) == n, abs(n) < 9007199254740992 { out += String(Int(n)) } else { out += "\(n)" }
        case .string(let s): out += quote(s)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + pad }
                write(v, indent: indent + 1, pretty: pretty, into: &out)
            }
            if pretty { out += "\n" + closePad }
            out += "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (i, m) in o.sortedMembers.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + pad }
                out += quote(m.key) + (pretty ? ": " : ":")
                write(m.value, indent: indent + 1, pretty: pretty, into: &out)
            }
            if pretty { out += "\n" + closePad }
            out += "}"
        }
    }
    static func quote(_ s: String) -> String {
        var r = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\t": r += "\\t"
            case "\r": r += "\\r"
            default:
                if u.value < 0x20 { r += String(format: "\\u%04x", u.value) } else { r.unicodeScalars.append(u) }
            }
        }
        return r + "\""
    }
}
