import Foundation

/// Distinct byte strings with a count each: the exact value counts of one column.
///
/// Open addressing over 8-byte slots (an entry's number and 32 bits of its hash, so a probe
/// rarely looks at an entry that is not the one sought, and growing never re-hashes) into
/// 24-byte ``Entry``s in the order first seen. An entry holds a value of up to 8 bytes
/// itself (most integers, short decimals, codes, booleans), its count and its
/// ``ValueForms`` (found once, when the value is first seen): counting a value seen before
/// touches one slot and one entry. Longer values' bytes live end to end in one byte arena.
/// No allocation per value.
struct ByteCountTable: Sendable {
    struct Entry: Sendable {
        /// The bytes of a value of at most 8 bytes (zero past its end), or a longer
        /// value's offset in the arena.
        var word: UInt64
        var count: Int
        var length: UInt32
        var form: ValueForms
    }

    private(set) var entries: [Entry] = []
    /// The bytes of values longer than 8 bytes.
    private var arena: [UInt8] = []
    /// Per slot: the hash's low 32 bits above entry number + 1; 0 is empty. The capacity is
    /// a power of two (at most 2^32, so the stored bits give the slot).
    private var slots: [UInt64] = Array(repeating: 0, count: 16)

    /// Distinct values held.
    var count: Int { entries.count }

    /// The entries' counts, in the order first seen.
    var counts: [Int] { entries.map(\.count) }

    /// Approximate bytes held, for the memory budget.
    var approximateBytes: Int { entries.capacity * MemoryLayout<Entry>.stride + slots.capacity * 8 + arena.capacity }

    /// Adds `weight` occurrences of `bytes`; `classify` runs only for a value not seen
    /// before. Returns the entry and whether it is new.
    @discardableResult @inline(__always)
    mutating func add(
        _ bytes: UnsafeRawBufferPointer, weight: Int = 1, classify: (UnsafeRawBufferPointer) -> ValueForms
    ) -> (entry: Int, isNew: Bool) {
        let length = bytes.count
        let inline = length <= 8
        let word = inline ? Self.word(bytes) : 0
        let hash = inline ? Self.hash(word, length) : Self.hash(long: bytes)
        let tag = hash & 0xFFFF_FFFF
        let probe: (found: Int?, slot: Int) = arena.withUnsafeBytes { arena in
            entries.withUnsafeBufferPointer { entries in
                slots.withUnsafeBufferPointer { slots in  // reading only: the arrays are not moved out and back
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let occupant = slots[slot]
                        if occupant == 0 { return (nil, slot) }
                        if occupant >> 32 == tag {
                            let entry = Int(occupant & 0xFFFF_FFFF) - 1
                            let held = entries[entry]
                            if Int(held.length) == length, inline
                                ? held.word == word
                                : memcmp(arena.baseAddress! + Int(held.word), bytes.baseAddress!, length) == 0 {
                                return (entry, slot)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found = probe.found {
            entries[found].count += weight
            return (found, false)
        }
        let entry = entries.count
        var stored = word
        if !inline {
            stored = UInt64(arena.count)
            arena.append(contentsOf: bytes)
        }
        entries.append(Entry(word: stored, count: weight, length: UInt32(length), form: classify(bytes)))
        slots[probe.slot] = tag << 32 | UInt64(entry + 1)
        if entries.count * 10 > slots.count * 7 { grow() }  // load ≤ 0.7: tags keep long probes cheap
        return (entry, true)
    }

    /// The forms of entry `entry`'s value.
    func form(of entry: Int) -> ValueForms { entries[entry].form }

    private mutating func grow() {
        var next = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = next.count - 1
        for occupant in slots where occupant != 0 {
            var slot = Int(truncatingIfNeeded: occupant >> 32) & mask
            while next[slot] != 0 { slot = (slot + 1) & mask }
            next[slot] = occupant
        }
        slots = next
    }

    /// A value of at most 8 bytes as a word, zero past its end: a few loads, no loop over
    /// the bytes past the third.
    @inline(__always)
    static func word(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let length = bytes.count
        if length == 8 { return bytes.loadUnaligned(as: UInt64.self) }
        if length >= 4 {
            let first = UInt64(bytes.loadUnaligned(as: UInt32.self))
            let last = UInt64(bytes.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)) >> UInt64((8 - length) * 8)
            return first | last << 32
        }
        var word: UInt64 = 0
        for index in 0..<length { word |= UInt64(bytes[index]) << UInt64(index * 8) }
        return word
    }

    /// The table's hash of a value of at most 8 bytes (not ``ByteHash``'s: the entries'
    /// order never depends on it, and sketches keep their own).
    @inline(__always)
    static func hash(_ word: UInt64, _ length: Int) -> UInt64 {
        ByteHash.mix(word &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(length))
    }

    /// The table's hash of a value of more than 8 bytes: two overlapping loads up to 16
    /// bytes (dates, timestamps, short names), ``ByteHash`` past that.
    @inline(__always)
    static func hash(long bytes: UnsafeRawBufferPointer) -> UInt64 {
        let length = bytes.count
        guard length <= 16 else { return ByteHash.hash(bytes) }
        let first = bytes.loadUnaligned(as: UInt64.self)
        let last = bytes.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        return ByteHash.mix(first &* 0x9E37_79B9_7F4A_7C15 ^ (last ^ UInt64(length)) &* 0xC2B2_AE3D_27D4_EB4F)
    }

    /// Every entry's bytes, count and forms, in the order first seen.
    func forEach(_ body: (UnsafeRawBufferPointer, Int, ValueForms) throws -> Void) rethrows {
        try arena.withUnsafeBytes { arena in
            for entry in entries {
                let length = Int(entry.length)
                if length > 8 {
                    try body(UnsafeRawBufferPointer(rebasing: arena[Int(entry.word)..<(Int(entry.word) + length)]), entry.count, entry.form)
                } else {
                    var word = entry.word.littleEndian
                    try withUnsafeBytes(of: &word) { raw in try body(UnsafeRawBufferPointer(rebasing: raw[0..<length]), entry.count, entry.form) }
                }
            }
        }
    }
}
