/// Hashing and equality for the keys a table is grouped and joined by (years, place ids, key
/// values), which are hashed once per row. Texts are compared and hashed by their UTF-8
/// bytes, as the original's pandas compares them (code point by code point): the bytes are
/// mixed into one word (FNV-1a) and the hasher takes that word, instead of taking each text
/// through the standard library's Unicode-normalized hashing. Key types that hash with this
/// compare their texts with ``same(_:_:)``, so equal keys always hash alike.
struct KeyHash {
    private var word: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    /// Mixes in a number.
    @inline(__always)
    mutating func add(_ number: Int) {
        word = (word ^ UInt64(bitPattern: Int64(number))) &* 0x100_0000_01b3
    }

    /// Mixes in a text's bytes and its length (so that ("ab", "c") and ("a", "bc") differ),
    /// or `nil` (which is unlike every text).
    mutating func add(_ text: String?) {
        guard var text else {
            word = (word ^ 0xff) &* 0x100_0000_01b3
            return
        }
        let start = word
        word = text.withUTF8 { bytes in
            var hash = start
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return (hash ^ UInt64(bytes.count) ^ 0x8000) &* 0x100_0000_01b3
        }
    }

    /// Gives what was mixed in to `hasher`.
    func feed(into hasher: inout Hasher) {
        hasher.combine(word)
    }

    /// `true` when both are `nil` or both texts have the same bytes (`"é"` as one code point
    /// and as `e` with a combining accent are different keys, as they are to pandas).
    @inline(__always)
    static func same(_ left: String?, _ right: String?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (let left?, let right?): return left.utf8.count == right.utf8.count && left.utf8.elementsEqual(right.utf8)
        default: return false
        }
    }
}
