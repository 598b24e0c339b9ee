/// The key index of a table's rows: open addressing over slots that each hold a row plus 1
/// (0 is empty), found by the hash of the instance's bytes.
///
/// The slots are two halves, one per value of the hash's top bit, each probed within itself,
/// so two threads fill the halves at once (``build(count:hashes:sameKey:)``). Each half has
/// more slots than there are rows, so a probe always ends.
struct RowKeyIndex {
    let slots: UnsafeMutableBufferPointer<UInt32>
    /// Slots in each half, minus 1 (a power of two minus 1).
    private let halfMask: Int

    /// The hash of an instance's bytes (seeded per process, like `Hasher`).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    /// An empty index for up to `count` rows.
    private init(count: Int) {
        // Each half holds every row at worst; about half of them on average, so a half is
        // about half full, as one table of twice the rows' slots would be.
        var half = 8
        while half < count + 1 { half *= 2 }
        self.halfMask = half - 1
        self.slots = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: half * 2)
        slots.initialize(repeating: 0)
    }

    /// The first slot probed for `hash`.
    private func home(_ hash: Int) -> Int {
        (hash < 0 ? halfMask + 1 : 0) | (hash & halfMask)
    }

    /// The slot probed after `slot`: the next in its half, wrapping around.
    private func next(_ slot: Int) -> Int {
        (slot & ~halfMask) | ((slot &+ 1) & halfMask)
    }

    /// The index of `count` rows with these instance hashes, or `nil` when two rows have the
    /// same key. `sameKey(a, b)` says whether rows `a` and `b` (of equal hashes) share one.
    static func build(count: Int, hashes: [Int], sameKey: (Int, Int) -> Bool) -> RowKeyIndex? {
        guard count < Int(UInt32.max) else { return nil }
        let index = RowKeyIndex(count: count)
        func fill(half: Bool) -> Bool {
            for row in 0..<count where (hashes[row] < 0) == half {
                var slot = index.home(hashes[row])
                while index.slots[slot] != 0 {
                    let other = Int(index.slots[slot]) - 1
                    if hashes[other] == hashes[row], sameKey(other, row) { return false }
                    slot = index.next(slot)
                }
                index.slots[slot] = UInt32(row + 1)
            }
            return true
        }
        let filled = count >= 1 << 16 ? bothAtOnce({ fill(half: false) }, { fill(half: true) }) : (fill(half: false), fill(half: true))
        guard filled.0, filled.1 else {
            index.slots.deallocate()
            return nil
        }
        return index
    }

    /// The row whose instance hashes to `hash` and for which `matches` holds, if any.
    func row(hash: Int, where matches: (Int) -> Bool) -> Int? {
        var slot = home(hash)
        while slots[slot] != 0 {
            let row = Int(slots[slot]) - 1
            if matches(row) { return row }
            slot = next(slot)
        }
        return nil
    }

    /// Frees the slots.
    func deallocate() {
        slots.deallocate()
    }
}
