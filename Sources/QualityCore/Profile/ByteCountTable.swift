import Foundation

/// Distinct byte strings with a count each: the exact value counts of one column.
///
/// The strings live end to end in one byte arena and the table is open addressing over
/// entry numbers, so an entry costs about 33 bytes plus its bytes and no allocation per
/// value. Each entry also keeps the ``ValueForms`` of its bytes, found once, when the
/// value is first seen.
struct ByteCountTable: Sendable {
    private(set) var arena: [UInt8] = []
    private var offsets: [Int] = []
    private var lengths: [UInt32] = []
    private(set) var counts: [Int] = []
    private(set) var forms: [ValueForms] = []
    /// Entry number + 1 per slot; 0 is empty. The capacity is a power of two.
    private var slots: [UInt32] = Array(repeating: 0, count: 16)

    /// Distinct values held.
    var count: Int { counts.count }

    /// Approximate bytes held, for the memory figures in docs and tests.
    var approximateBytes: Int { arena.capacity + offsets.capacity * 25 + slots.capacity * 4 }

    /// Where entry `entry`'s bytes are in ``arena``.
    func span(of entry: Int) -> Range<Int> { offsets[entry]..<(offsets[entry] + Int(lengths[entry])) }

    /// The bytes of entry `entry`.
    func withBytes<R>(of entry: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try arena.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[offsets[entry]..<(offsets[entry] + Int(lengths[entry]))]))
        }
    }

    /// Adds `weight` occurrences of `bytes` (whose hash is `hash`); `classify` runs only
    /// for a value not seen before. Returns the entry and whether it is new.
    @discardableResult
    mutating func add(
        _ bytes: UnsafeRawBufferPointer, hash: UInt64, weight: Int = 1, classify: (UnsafeRawBufferPointer) -> ValueForms
    ) -> (entry: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = Int(slots[slot])
            if occupant == 0 { break }
            let entry = occupant - 1
            if Int(lengths[entry]) == bytes.count, equals(entry, bytes) {
                counts[entry] += weight
                return (entry, false)
            }
            slot = (slot + 1) & mask
        }
        let entry = counts.count
        offsets.append(arena.count)
        lengths.append(UInt32(bytes.count))
        arena.append(contentsOf: bytes)
        counts.append(weight)
        forms.append(classify(bytes))
        slots[slot] = UInt32(entry + 1)
        if counts.count * 2 > slots.count { grow() }
        return (entry, true)
    }

    private func equals(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty else { return true }
        return arena.withUnsafeBytes { all in
            memcmp(all.baseAddress! + offsets[entry], bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        var next = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = next.count - 1
        for entry in 0..<counts.count {
            var slot = Int(truncatingIfNeeded: withBytes(of: entry) { ByteHash.hash($0) }) & mask
            while next[slot] != 0 { slot = (slot + 1) & mask }
            next[slot] = UInt32(entry + 1)
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
