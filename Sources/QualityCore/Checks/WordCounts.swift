import CPrefetch

/// How often each 64-bit word was seen (a numeric key column's values, as their bits):
/// open addressing over 16-byte slots, the word and its count side by side, hashed by
/// ``ByteHash/mix(_:)``. A standard `Dictionary` hashes every word with SipHash; this costs
/// a multiply and a few shifts, then usually one cache line.
///
/// Words that come in ascending order (an id column in row order) are first only listed, 8
/// bytes each and no cache miss: each is above every word before it, so none repeats one.
/// The first word that is not above the last moves the list into the table.
struct WordCounts: Sendable {
    private struct Slot: Sendable {
        var word: UInt64
        /// 0 when the slot is empty.
        var count: UInt64
    }

    /// The capacity is a power of two.
    private var slots = [Slot](repeating: Slot(word: 0, count: 0), count: 16)
    /// Distinct words held.
    private(set) var count = 0
    /// The words so far, while each came above the one before; `isListing` until one did not.
    private var ascending = KeyBuffer()
    private(set) var isListing = true

    /// Counts one more `word`; returns how often it has been seen now.
    @inline(__always)
    mutating func add(_ word: UInt64) -> UInt64 {
        if isListing {
            if count == 0 || word > lastListed {
                ascending.append(word)
                lastListed = word
                count += 1
                return 1
            }
            moveListToTable()
        }
        let seen: UInt64 = slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: ByteHash.mix(word)) & mask
            while true {
                if slots[slot].count == 0 {
                    slots[slot] = Slot(word: word, count: 1)
                    return 1
                }
                if slots[slot].word == word {
                    slots[slot].count += 1
                    return slots[slot].count
                }
                slot = (slot + 1) & mask
            }
        }
        if seen == 1 {
            count += 1
            if count * 10 > slots.count * 7 { grow() }  // load ≤ 0.7
        }
        return seen
    }

    /// The last word listed while ``isListing``.
    private var lastListed: UInt64 = 0

    /// Puts the listed words in the table, once seen each, and ends the list.
    private mutating func moveListToTable() {
        isListing = false
        var size = 16
        while count * 10 > size * 7 { size *= 2 }
        slots = [Slot](repeating: Slot(word: 0, count: 0), count: size)
        let listed = ascending
        ascending = KeyBuffer()
        slots.withUnsafeMutableBufferPointer { slots in
            listed.withUnsafeBufferPointer { listed in
                for word in listed { Self.place(Slot(word: word, count: 1), in: slots) }
            }
        }
    }

    /// Asks for the cache line of the slot `word` is looked for first (a hint: nothing
    /// changes), so that the misses of words added soon after overlap; nothing while listing.
    @inline(__always)
    func prefetch(_ word: UInt64) {
        guard !isListing else { return }
        slots.withUnsafeBufferPointer { slots in
            reportkit_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: ByteHash.mix(word)) & (slots.count - 1)))
        }
    }

    /// Doubles the slots, placing each word again.
    private mutating func grow() {
        var next = [Slot](repeating: Slot(word: 0, count: 0), count: slots.count * 2)
        next.withUnsafeMutableBufferPointer { next in
            for occupant in slots where occupant.count != 0 { Self.place(occupant, in: next) }
        }
        slots = next
    }

    /// Puts `occupant`, a word not in `slots`, in the first empty slot from its hash's.
    @inline(__always)
    private static func place(_ occupant: Slot, in slots: UnsafeMutableBufferPointer<Slot>) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: ByteHash.mix(occupant.word)) & mask
        while slots[slot].count != 0 { slot = (slot + 1) & mask }
        slots[slot] = occupant
    }
}
