/// The YAML 1.2 core schema: how plain scalars become typed values.
extension YAMLNode {
    /// The node as a ``JSONValue``: mappings become objects keyed by their keys' text,
    /// quoted and literal scalars stay strings, plain scalars are typed by the core schema
    /// (`null`/`~`/empty, `true`/`false`, decimal, `0o` octal and `0x` hex integers, floats,
    /// `.inf`, `.nan`); everything else, `NO` and `2020-04-20` included, is a string. A number
/// too large for a `Double` (`1e999`) is an error, as in JSON.
    public func resolved() throws(ParseError) -> JSONValue {
        switch content {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.text) }
            let value = YAMLCoreSchema.value(of: scalar.text)
            if case .number(let number) = value, number.isInfinite, !YAMLCoreSchema.infinities.contains(scalar.text) {
                throw ParseError(location: location, stage: "yaml", message: "the number \(scalar.text) is out of range")
            }
            return value
        case .sequence(let entries):
            var values: [JSONValue] = []
            values.reserveCapacity(entries.count)
            for entry in entries { values.append(try entry.resolved()) }
            return .array(values)
        case .mapping(let pairs):
            var members: [JSONObject.Member] = []
            members.reserveCapacity(pairs.count)
            for pair in pairs { members.append(JSONObject.Member(key: pair.key.scalarText, value: try pair.value.resolved())) }
            return .object(JSONObject(uniqueMembers: members))
        }
    }
}

/// The core schema's rules for a plain scalar's text.
enum YAMLCoreSchema {
    /// The spellings of infinity; any other plain scalar that reads as infinite overflowed.
    static let infinities: Set<String> = [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"]

    static func value(of text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return .string(text) }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
            let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            if let value = UInt64(String(decoding: bytes[2...], as: UTF8.self), radix: radix) { return .number(Double(value)) }
            return .string(text)
        }
        return isDecimal(bytes) ? Double(text).map(JSONValue.number) ?? .string(text) : .string(text)
    }

    /// `[-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    static func isDecimal(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let whole = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits() == 0, whole == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            if digits() == 0 { return false }
        }
        return index == bytes.count
    }
}
