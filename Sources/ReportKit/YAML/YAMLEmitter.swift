extension YAML {
    /// Block-style YAML for `value`, such that `YAML.value(emit(v)) == v`.
    ///
    /// Objects keep their member order; strings are written plain when that reads back as
    /// the same string, else double-quoted with escapes; empty collections are `[]` and `{}`.
    public static func emit(_ value: JSONValue) -> String {
        var out = ""
        YAMLEmitter.node(value, indent: 0, into: &out)
        return out
    }
}

enum YAMLEmitter {
    /// Writes `value` as a block node whose lines are indented `indent` spaces; the cursor
    /// is where the node starts (after `key:` or `- `, or at the start of the document).
    static func node(_ value: JSONValue, indent: Int, into out: inout String, afterIndicator: Bool = false) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let object) where !object.isEmpty:
            for (position, member) in object.enumerated() {
                if position > 0 || !afterIndicator { out += pad }
                out += scalar(member.key) + ":"
                child(member.value, indent: indent, into: &out)
            }
        case .array(let elements) where !elements.isEmpty:
            for (position, element) in elements.enumerated() {
                if position > 0 || !afterIndicator { out += pad }
                out += "-"
                if case .array(let inner) = element, !inner.isEmpty {
                    out += " "
                    node(element, indent: indent + 2, into: &out, afterIndicator: true)
                } else if case .object(let inner) = element, !inner.isEmpty {
                    out += " "
                    node(element, indent: indent + 2, into: &out, afterIndicator: true)
                } else {
                    out += " " + inline(element) + "\n"
                }
            }
        default:
            out += inline(value) + "\n"
        }
    }

    /// A mapping value: nested collections go on the following lines, indented by two.
    private static func child(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let object) where !object.isEmpty:
            out += "\n"
            node(value, indent: indent + 2, into: &out)
        case .array(let elements) where !elements.isEmpty:
            out += "\n"
            node(value, indent: indent + 2, into: &out)
        default:
            out += " " + inline(value) + "\n"
        }
    }

    /// A value written on one line: a scalar or an empty collection.
    static func inline(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number.isNaN { return ".nan" }
            if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
            return JSONWriter.compact(value)
        case .string(let text): return scalar(text)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// A string, plain when it reads back as itself, else double-quoted.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              case .string = YAMLCoreSchema.value(of: text) else { return false }
        if " \t".unicodeScalars.contains(first) || " \t:".unicodeScalars.contains(last) { return false }
        if ",[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if "-?:".unicodeScalars.contains(first), text.unicodeScalars.count == 1 || text.unicodeScalars.dropFirst().first == " " { return false }
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        return text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && $0.value != 0xFEFF && $0.value != 0x2028 && $0.value != 0x2029 }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                    || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
