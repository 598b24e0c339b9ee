import Foundation

/// Hashing for the keys a table is grouped and joined by (years, place ids, key values),
/// which are hashed once per row: the texts' UTF-8 bytes are mixed into one word (FNV-1a)
/// and the hasher takes that word, instead of taking each text through the standard
/// library's Unicode-normalized hashing. A text with a byte outside ASCII is mixed in as its
/// canonical composition (NFC), so texts that are equal as Swift compares them (canonically
/// equivalent, such as the Kelvin sign and `K`) still hash alike.
struct KeyHash {
    private var word: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    /// Mixes in a number.
    @inline(__always)
    mutating func add(_ number: Int) {
        word = (word ^ UInt64(bitPattern: Int64(number))) &* 0x100_0000_01b3
    }

    /// Mixes in a text, or `nil` (which is unlike every text).
    mutating func add(_ text: String?) {
        guard var text else {
            word = (word ^ 0xff) &* 0x100_0000_01b3
            return
        }
        if !mix(&text) {
            var composed = text.precomposedStringWithCanonicalMapping
            _ = mix(&composed, checked: false)
        }
    }

    /// Mixes in `text`'s bytes and its length (so that ("ab", "c") and ("a", "bc") differ);
    /// `false`, mixing nothing, when `checked` and a byte is outside ASCII.
    private mutating func mix(_ text: inout String, checked: Bool = true) -> Bool {
        let start = word
        let mixed: UInt64? = text.withUTF8 { bytes in
            var hash = start
            var high: UInt8 = 0
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                high |= byte
            }
            if checked, high >= 0x80 { return nil }
            return (hash ^ UInt64(bytes.count) ^ 0x8000) &* 0x100_0000_01b3
        }
        guard let mixed else { return false }
        word = mixed
        return true
    }

    /// Gives what was mixed in to `hasher`.
    func feed(into hasher: inout Hasher) {
        hasher.combine(word)
    }
}
