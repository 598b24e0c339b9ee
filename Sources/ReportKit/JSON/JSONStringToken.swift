import Foundation

/// Reads one JSON string token: `'"' *char '"'`, where char is any scalar but `"`, `\` and
/// controls, or an escape `\" \\ \/ \b \f \n \r \t \uXXXX` (surrogate pairs joined).
struct JSONStringToken {
    let bytes: UnsafeBufferPointer<UInt8>
    /// On the opening quote before ``read()``, past the closing quote after.
    var index: Int

    typealias Failure = TextFailure

    mutating func read() throws(Failure) -> String {
        let open = index
        index += 1
        let start = index
        var ascii = true
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if ascii { return String(decoding: raw, as: UTF8.self) }
                guard let text = String(validating: raw, as: UTF8.self) else {
                    throw Failure(offset: start + invalidUTF8Offset(raw), message: "invalid UTF-8 in a string")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw control(at: index) }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        guard index < bytes.count else { throw Failure(offset: open, message: "unterminated string") }
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    throw Failure(offset: open, message: "invalid UTF-8 in a string")
                }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &decoded)
            case 0..<0x20:
                throw control(at: index)
            default:
                decoded.append(byte)
                index += 1
            }
        }
        throw Failure(offset: open, message: "unterminated string")
    }

    private func control(at offset: Int) -> Failure {
        let byte = bytes[offset]
        let name = byte == 0x0A ? "a line break" : "control character 0x\(String(byte, radix: 16))"
        return Failure(offset: offset, message: "\(name) in a string must be escaped")
    }

    /// One escape at `index` (on the backslash), appended as UTF-8.
    private mutating func escape(into decoded: inout [UInt8]) throws(Failure) {
        let at = index
        guard index + 1 < bytes.count else { throw Failure(offset: at, message: "unterminated string") }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(escapeAt: at)
            if (0xD800..<0xDC00).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw Failure(offset: at, message: "lone surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
                }
                let lowAt = index
                index += 2
                let low = try hex4(escapeAt: lowAt)
                guard (0xDC00..<0xE000).contains(low) else {
                    throw Failure(offset: at, message: "lone surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw Failure(offset: at, message: "lone surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
            }
            decoded.append(contentsOf: Array(String(UnicodeScalar(scalar)!).utf8))
        default:
            let shown = letter >= 0x20 && letter < 0x7F ? String(UnicodeScalar(letter)) : "0x\(String(letter, radix: 16))"
            throw Failure(offset: at, message: "invalid escape \\\(shown) in a string")
        }
    }

    /// Four hex digits at `index`, consumed.
    private mutating func hex4(escapeAt at: Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw Failure(offset: at, message: "\\u needs four hex digits") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure(offset: at, message: "\\u needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The offset of the first byte that breaks UTF-8 in `raw`.
    private func invalidUTF8Offset(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = 0
        var iterator = raw.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset = consumed
                consumed += UTF8.width(scalar)
            case .emptyInput: return raw.count
            case .error: return consumed == 0 ? 0 : max(offset, consumed)
            }
        }
    }
}

/// Member names seen so far, so that repeated keys share one `String`: a small direct-mapped
/// table indexed by the bytes' hash.
struct KeyCache {
    private static let size = 4096
    private var names = [String?](repeating: nil, count: KeyCache.size)
    private var hashes = [Int](repeating: 0, count: KeyCache.size)

    static func hash(_ raw: some Sequence<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }

    /// The cached name with these exact bytes, and its hash.
    func lookup(_ raw: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        let hash = Self.hash(raw)
        let slot = hash & (Self.size - 1)
        guard hashes[slot] == hash, var cached = names[slot], cached.utf8.count == raw.count else { return nil }
        let same = cached.withUTF8 { bytes in
            raw.isEmpty || memcmp(bytes.baseAddress!, raw.baseAddress!, raw.count) == 0
        }
        return same ? (cached, hash) : nil
    }

    /// Remembers `key` (whose escape-free bytes are `raw`) and returns its hash.
    mutating func insert(_ key: String, _ raw: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(raw)
        let slot = hash & (Self.size - 1)
        names[slot] = key
        hashes[slot] = hash
        return hash
    }
}
