/// The recursive-descent JSON parser behind ``JSONReader``, over a byte buffer.
///
/// Grammar (RFC 8259): `value = object / array / string / number / true / false / null`,
/// with insignificant whitespace (space, tab, LF, CR) around tokens.
struct JSONByteParser {
    typealias Failure = TextFailure

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    private var keys = KeyCache()
    /// Per nesting level, the members, their key hashes and the elements being collected:
    /// reused, so that each finished object or array is allocated once at its exact size.
    var memberScratch: [[JSONObject.Member]] = []
    var hashScratch: [[Int]] = []
    private var elementScratch: [[JSONValue]] = []
    /// Per nesting level, the keys of an object with more than ``linearScanLimit`` members,
    /// so that the duplicate check stays linear in the key count.
    var keySets: [Set<String>] = []
    /// Up to this many members, duplicates are found by comparing hashes in a scan.
    private static let linearScanLimit = 32

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// `document = ws value ws`, with an optional UTF-8 byte-order mark first.
    mutating func document() throws(Failure) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw Failure(offset: index, message: "expected a JSON value, found the end of the input") }
        let value = try value()
        skipWhitespace()
        guard index == bytes.count else {
            throw Failure(offset: index, message: "unexpected \(describe(index)) after the JSON value")
        }
        return value
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func value() throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw Failure(offset: index, message: "expected a JSON value, found the end of the input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object(try object())
        case UInt8(ascii: "["): return .array(try array())
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: throw Failure(offset: index, message: "expected a JSON value, found \(describe(index))")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let length = word.utf8CodeUnitCount
        let matches = index + length <= bytes.count
            && (0..<length).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard matches else { throw Failure(offset: index, message: "expected a JSON value, found \(describe(index))") }
        index += length
    }

    /// `object = '{' [ member *( ',' member ) ] '}'`, `member = string ':' value`.
    private mutating func object() throws(Failure) -> JSONObject {
        try enter()
        index += 1
        let level = depth - 1
        while memberScratch.count <= level {
            memberScratch.append([])
            hashScratch.append([])
            keySets.append([])
        }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return JSONObject(uniqueMembers: [])
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw Failure(offset: index, message: "expected a member name in double quotes, found \(describe(index))")
            }
            let keyStart = index
            let (key, hash) = try memberName()
            if isDuplicate(key, hash: hash, level: level) {
                memberScratch[level].removeAll(keepingCapacity: true)
                hashScratch[level].removeAll(keepingCapacity: true)
                keySets[level].removeAll(keepingCapacity: true)
                throw Failure(offset: keyStart, message: "duplicate key '\(key)' in an object")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw Failure(offset: index, message: "expected ':' after the member name, found \(describe(index))")
            }
            index += 1
            skipWhitespace()
            let member = JSONObject.Member(key: key, value: try value())
            memberScratch[level].append(member)
            hashScratch[level].append(hash)
            skipWhitespace()
            guard index < bytes.count else { throw Failure(offset: index, message: "unterminated object: expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw Failure(offset: index, message: "expected ',' or '}' after an object member, found \(describe(index))")
        }
        depth -= 1
        let members = Array(memberScratch[level])
        memberScratch[level].removeAll(keepingCapacity: true)
        hashScratch[level].removeAll(keepingCapacity: true)
        if !keySets[level].isEmpty { keySets[level].removeAll(keepingCapacity: true) }
        return JSONObject(uniqueMembers: members)
    }

    /// Whether the object being read at `level` already has `key`: a scan of the hashes for
    /// a small object, a set of the keys once it has more than ``linearScanLimit`` members.
    mutating func isDuplicate(_ key: String, hash: Int, level: Int) -> Bool {
        let count = hashScratch[level].count
        if count < Self.linearScanLimit {
            for (position, other) in hashScratch[level].enumerated() where other == hash && memberScratch[level][position].key == key {
                return true
            }
            return false
        }
        if count == Self.linearScanLimit {
            keySets[level] = Set(memberScratch[level].map(\.key))
        }
        return !keySets[level].insert(key).inserted
    }

    /// `array = '[' [ value *( ',' value ) ] ']'`.
    private mutating func array() throws(Failure) -> [JSONValue] {
        try enter()
        index += 1
        let level = depth - 1
        while elementScratch.count <= level { elementScratch.append([]) }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return []
        }
        while true {
            skipWhitespace()
            let element = try value()
            elementScratch[level].append(element)
            skipWhitespace()
            guard index < bytes.count else { throw Failure(offset: index, message: "unterminated array: expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw Failure(offset: index, message: "expected ',' or ']' after an array element, found \(describe(index))")
        }
        depth -= 1
        let elements = Array(elementScratch[level])
        elementScratch[level].removeAll(keepingCapacity: true)
        return elements
    }

    mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= JSONReader.maximumDepth else {
            throw Failure(offset: index, message: "nesting deeper than \(JSONReader.maximumDepth) levels")
        }
    }

    /// A member name, shared with earlier equal names so a million records hold one copy.
    mutating func memberName() throws(Failure) -> (String, Int) {
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let cached = keys.lookup(raw) {
                index = end + 1
                return cached
            }
            let key = try string()
            return (key, keys.insert(key, raw))
        }
        let key = try string()
        return (key, KeyCache.hash(Array(key.utf8)))
    }

    /// `number = [ '-' ] int [ frac ] [ exp ]`, correctly rounded to a `Double`.
    private mutating func number() throws(Failure) -> Double {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw Failure(offset: index, message: "expected a digit in the number, found \(describe(index))")
        }
        var integer: UInt64 = 0
        var digits = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw Failure(offset: start, message: "leading zeros are not allowed in a number")
            }
            digits = 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                integer = integer &* 10 &+ UInt64(bytes[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
        }
        var simple = digits <= 15
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            simple = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw Failure(offset: index, message: "expected a digit after the decimal point, found \(describe(index))")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            simple = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw Failure(offset: index, message: "expected a digit in the exponent, found \(describe(index))")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if simple {
            return negative ? (integer == 0 ? 0 : -Double(integer)) : Double(integer)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw Failure(offset: start, message: "the number \(text) is out of range")
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// What is at `offset`, for messages: `'x'` or "the end of the input".
    func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the input" }
        let byte = bytes[offset]
        if byte >= 0x20, byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return byte < 0x20 ? "a control character (0x\(String(byte, radix: 16)))" : "a non-ASCII character"
    }

    /// Reads a string token at `index` (on its opening quote); see JSONStringToken.swift.
    mutating func string() throws(Failure) -> String {
        var token = JSONStringToken(bytes: bytes, index: index)
        let text = try token.read()
        index = token.index
        return text
    }
}
