import Foundation

/// Distinct byte strings with a count each: the exact value counts of one column.
///
/// The strings live end to end in one byte arena and the table is open addressing over
/// entry numbers, each slot holding the entry's number and 32 bits of its hash (so a probe
/// rarely touches an entry that is not the one sought, and growing never re-hashes bytes):
/// an entry costs 21 bytes plus 11–23 bytes of slots plus its bytes, and no allocation per
/// value. Each entry also keeps the ``ValueForms`` of its bytes, found once, when the
/// value is first seen.
struct ByteCountTable: Sendable {
    private(set) var arena: [UInt8] = []
    private var offsets: [Int] = []
    private var lengths: [UInt32] = []
    private(set) var counts: [Int] = []
    private(set) var forms: [ValueForms] = []
    /// Per slot: the hash's low 32 bits above entry number + 1; 0 is empty. The capacity is
    /// a power of two (at most 2^32, so the stored bits give the slot).
    private var slots: [UInt64] = Array(repeating: 0, count: 16)

    /// Distinct values held.
    var count: Int { counts.count }

    /// Approximate bytes held, for the memory figures in docs and tests.
    var approximateBytes: Int { arena.capacity + offsets.capacity * 21 + slots.capacity * 8 }

    /// Where entry `entry`'s bytes are in ``arena``.
    func span(of entry: Int) -> Range<Int> { offsets[entry]..<(offsets[entry] + Int(lengths[entry])) }

    /// Adds `weight` occurrences of `bytes` (whose hash is `hash`); `classify` runs only
    /// for a value not seen before. Returns the entry and whether it is new.
    @discardableResult
    mutating func add(
        _ bytes: UnsafeRawBufferPointer, hash: UInt64, weight: Int = 1, classify: (UnsafeRawBufferPointer) -> ValueForms
    ) -> (entry: Int, isNew: Bool) {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = slots[slot]
            if occupant == 0 { break }
            if occupant >> 32 == tag {
                let entry = Int(occupant & 0xFFFF_FFFF) - 1
                if Int(lengths[entry]) == bytes.count, equals(entry, bytes) {
                    counts[entry] += weight
                    return (entry, false)
                }
            }
            slot = (slot + 1) & mask
        }
        let entry = counts.count
        offsets.append(arena.count)
        lengths.append(UInt32(bytes.count))
        arena.append(contentsOf: bytes)
        counts.append(weight)
        forms.append(classify(bytes))
        slots[slot] = tag << 32 | UInt64(entry + 1)
        if counts.count * 10 > slots.count * 7 { grow() }  // load ≤ 0.7: tags keep long probes cheap
        return (entry, true)
    }

    private func equals(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty else { return true }
        return arena.withUnsafeBytes { all in
            memcmp(all.baseAddress! + offsets[entry], bytes.baseAddress!, bytes.count) == 0
        }
    }

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

    /// Every entry's bytes and count, in the order first seen.
    func forEach(_ body: (UnsafeRawBufferPointer, Int, ValueForms) throws -> Void) rethrows {
        try arena.withUnsafeBytes { all in
            for entry in 0..<counts.count {
                let start = offsets[entry]
                try body(UnsafeRawBufferPointer(rebasing: all[start..<(start + Int(lengths[entry]))]), counts[entry], forms[entry])
            }
        }
    }
}
