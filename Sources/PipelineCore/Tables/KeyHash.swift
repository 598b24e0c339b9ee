/// Hashing for the keys a table is grouped and joined by (years, place ids, key values),
/// which are hashed once per row: an ASCII text's bytes are mixed into one word (FNV-1a) and
/// the hasher takes that word, instead of taking each text through the standard library's
/// Unicode-normalized hashing. Texts stay equal as Swift compares them (canonically
/// equivalent), so a text with a byte outside ASCII is mixed in by its standard hash value;
/// the three characters that are canonically ASCII (the Kelvin sign, the Greek question mark
/// and varia) are read as that ASCII first, so `"\u{212A}"` and `"K"` hash alike.
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
        switch mixASCII(&text) {
        case .mixed: return
        case .other: word = (word ^ UInt64(bitPattern: Int64(text.hashValue))) &* 0x100_0000_01b3
        case .maybeSingleton:
            var ascii = String(String.UnicodeScalarView(text.unicodeScalars.map { Self.asciiSingletons[$0] ?? $0 }))
            if mixASCII(&ascii) != .mixed { word = (word ^ UInt64(bitPattern: Int64(ascii.hashValue))) &* 0x100_0000_01b3 }
        }
    }

    /// What ``mixASCII(_:)`` did with a text.
    private enum Mixing { case mixed, other, maybeSingleton }

    /// The characters whose canonical decomposition is one ASCII character.
    private static let asciiSingletons: [Unicode.Scalar: Unicode.Scalar] = ["\u{212A}": "K", "\u{037E}": ";", "\u{1FEF}": "`"]

    /// Mixes in `text`'s bytes and its length (so that ("ab", "c") and ("a", "bc") differ)
    /// when all are ASCII; otherwise mixes nothing and says whether a singleton may be in it
    /// (one of their UTF-8 lead bytes is: E2 for U+212A, CD for U+037E, E1 for U+1FEF).
    private mutating func mixASCII(_ text: inout String) -> Mixing {
        let start = word
        let (mixed, outcome): (UInt64, Mixing) = text.withUTF8 { bytes in
            var hash = start
            var high: UInt8 = 0
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                high |= byte
            }
            guard high >= 0x80 else { return ((hash ^ UInt64(bytes.count) ^ 0x8000) &* 0x100_0000_01b3, .mixed) }
            return (start, bytes.contains { $0 == 0xE2 || $0 == 0xCD || $0 == 0xE1 } ? .maybeSingleton : .other)
        }
        word = mixed
        return outcome
    }

    /// Gives what was mixed in to `hasher`.
    func feed(into hasher: inout Hasher) {
        hasher.combine(word)
    }
}
