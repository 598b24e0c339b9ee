import CPrefetch
import Foundation
import ReportKit

/// Distinct byte strings with a count each: the exact value counts of one column.
///
/// Open addressing over 16-byte ``Slot``s into 16-byte ``Entry``s in the order first seen.
/// A slot holds a value of up to 8 bytes itself (most integers, short decimals, codes,
/// booleans; a longer value's 64-bit hash instead), its length, its entry's number and its
/// count: counting a value of up to 8 bytes seen before reads and writes one slot and never
/// its entry, so on a table far bigger than the caches it costs one cache miss, not two.
/// An entry holds the value's bytes (a longer value's offset in one byte arena, where they
/// live end to end) and its ``ValueForms`` (found once, when the value is first seen).
/// Growing sweeps the slots in their order and re-hashes from them alone. No allocation
/// per value.
struct ByteCountTable: Sendable {
    struct Entry: Sendable {
        /// The bytes of a value of at most 8 bytes (zero past its end), or a longer
        /// value's offset in the arena.
        var word: UInt64
        var length: UInt32
        var form: ValueForms
    }

    /// One place of the hash table: `packed` is 0 when empty, else entry number + 1 (bits
    /// 0–31), the length code (bits 32–35: the length up to 8, ``longCode`` past that) and
    /// the count (bits 36–63; what would pass 2^28 − 1 is kept in ``overflow``).
    struct Slot: Sendable {
        /// The value's bytes as ``ByteWords/word(_:)`` makes them, or a longer value's hash.
        var key: UInt64
        var packed: UInt64
    }

    private static let longCode: UInt64 = 15
    private static let countUnit: UInt64 = 1 << 36
    private static let countLimit: UInt64 = (1 << 28) - 1

    private var entries = GrowingBuffer<Entry>()
    /// The bytes of values longer than 8 bytes.
    private var arena = GrowingBuffer<UInt8>()
    /// The capacity is a power of two.
    private var slots: [Slot] = Array(repeating: Slot(key: 0, packed: 0), count: 16)
    /// Per entry number, the part of its count its slot cannot hold (rare: 2^28 occurrences).
    private var overflow: [Int: Int] = [:]
    /// The slots are past the caches' reach (``largeSlots`` or more), where ``prefetch(hash:)``
    /// pays; kept apart so that the hint needs no look at the slots' array.
    private(set) var isLarge = false

    /// From this many slots (512 KiB) a lookup is likely to miss the caches.
    static let largeSlots = 1 << 15

    /// An empty table.
    init() {}

    /// An empty table that holds `count` values without growing (a sketch's table of
    /// frequent values, emptied and refilled many times over).
    init(reservingFor count: Int) {
        var slotCount = 16
        while count * 10 > slotCount * 7 { slotCount *= 2 }
        slots = Array(repeating: Slot(key: 0, packed: 0), count: slotCount)
        isLarge = slotCount >= Self.largeSlots
        entries.reserveCapacity(count)
    }

    /// Removes every value, keeping the slots and the room for entries and bytes (a summary
    /// of frequent values, emptied many times over, allocates nothing again).
    mutating func removeAll() {
        entries.removeAll()
        arena.removeAll()
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: Slot(key: 0, packed: 0)) }
        overflow = [:]
    }

    /// Distinct values held.
    var count: Int { entries.count }

    /// The bytes of the values longer than 8 bytes, which the table keeps apart.
    var longBytes: Int { arena.count }

    /// The entries' counts, in the order first seen.
    var counts: [Int] {
        var counts = slotCounts().map { Int($0) }
        for (entry, more) in overflow { counts[entry] += more }
        return counts
    }

    /// Approximate bytes held, for the memory budget: the entries and the arena as arrays
    /// that double hold them (``rounded(_:)``), and the slots. Counted from the counts alone,
    /// never from the arrays' capacities, which also depend on the allocator's rounding and
    /// so on what else the process allocated: the same rows switch the same columns to
    /// sketches in every run, on one thread or several.
    var approximateBytes: Int {
        Self.rounded(entries.count) * MemoryLayout<Entry>.stride + slots.count * MemoryLayout<Slot>.stride
            + Self.rounded(arena.count)
    }

    /// `count` rounded up to a power of two, at least 16: what a doubling array holds it in.
    static func rounded(_ count: Int) -> Int {
        count <= 16 ? 16 : 1 << (Int.bitWidth - (count - 1).leadingZeroBitCount)
    }

    /// Adds `weight` occurrences of `bytes`; `classify` runs only for a value not seen
    /// before. Returns the entry and whether it is new.
    @discardableResult @inline(__always)
    mutating func add(
        _ bytes: UnsafeRawBufferPointer, weight: Int = 1, classify: (UnsafeRawBufferPointer) -> ValueForms
    ) -> (entry: Int, isNew: Bool) {
        add(bytes, hash: Self.hash(of: bytes), weight: weight, classify: classify)
    }

    /// The table's hash of `bytes`, which ``add(_:hash:weight:classify:)`` takes.
    @inline(__always)
    static func hash(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        bytes.count <= 8 ? hash(ByteWords.word(bytes), bytes.count) : hash(long: bytes)
    }

    /// Asks for the cache line of the slot a value of hash `hash` is looked for first (a
    /// hint: nothing changes). A row's cells are hinted so, column after column, before
    /// any is added, so the cache misses of all its columns wait at once instead of one
    /// after the other. A table that fits the caches (not ``isLarge``) is not hinted: there
    /// the hint only costs the load of the slots' address.
    @inline(__always)
    func prefetch(hash: UInt64) {
        guard isLarge else { return }
        slots.withUnsafeBufferPointer { slots in
            reportkit_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: hash) & (slots.count - 1)))
        }
    }

    /// ``add(_:weight:classify:)`` with the value's ``hash(of:)`` known.
    @discardableResult @inline(__always)
    mutating func add(
        _ bytes: UnsafeRawBufferPointer, hash: UInt64, weight: Int = 1, classify: (UnsafeRawBufferPointer) -> ValueForms
    ) -> (entry: Int, isNew: Bool) {
        let length = bytes.count
        let inline = length <= 8
        let key = inline ? ByteWords.word(bytes) : hash
        let code = inline ? UInt64(length) : Self.longCode
        let probe: (found: Int?, slot: Int) = arena.withUnsafeBufferPointer { arena in
            entries.withUnsafeBufferPointer { entries in
                slots.withUnsafeBufferPointer { slots in  // reading only: the arrays are not moved out and back
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let occupant = slots[slot]
                        if occupant.packed == 0 { return (nil, slot) }
                        if occupant.key == key, (occupant.packed >> 32) & 0xF == code {
                            let entry = Int(occupant.packed & 0xFFFF_FFFF) - 1
                            if inline { return (entry, slot) }
                            let held = entries[entry]
                            if Int(held.length) == length,
                               bytesEqual(arena.baseAddress! + Int(held.word), bytes.baseAddress!, count: length) {
                                return (entry, slot)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found = probe.found {
            if weight == 1, slots[probe.slot].packed >> 36 < Self.countLimit {
                slots[probe.slot].packed &+= Self.countUnit
            } else {
                addSlowly(weight, entry: found, slot: probe.slot)
            }
            return (found, false)
        }
        let entry = entries.count
        var stored = key
        if !inline {
            stored = UInt64(arena.count)
            arena.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))  // one copy, not a byte at a time
        }
        entries.append(Entry(word: stored, length: UInt32(length), form: classify(bytes)))
        slots[probe.slot] = Slot(key: key, packed: UInt64(entry + 1) | code << 32 | (weight == 1 ? Self.countUnit : 0))
        if weight != 1 { addSlowly(weight, entry: entry, slot: probe.slot) }
        if entries.count * 10 > slots.count * 7 { grow() }  // load ≤ 0.7
        return (entry, true)
    }

    /// At least the ``approximateBytes`` the table takes after `values` more values of
    /// `bytes` bytes in all are added (exactly that if all are new and longer than 8 bytes).
    /// ``ColumnSplit`` adds a batch of rows without the budget's checks between them when
    /// this says no check could switch a column.
    func maximumBytes(afterAdding values: Int, bytes: Int) -> Int {
        let distinct = entries.count + values
        var slotCount = slots.count
        while distinct * 10 > slotCount * 7 { slotCount *= 2 }
        return Self.rounded(distinct) * MemoryLayout<Entry>.stride + slotCount * MemoryLayout<Slot>.stride
            + Self.rounded(arena.count + bytes)
    }

    /// The forms of entry `entry`'s value.
    func form(of entry: Int) -> ValueForms { entries[entry].form }

    /// Doubles the slots, placing each again from its key alone (a value's word gives its
    /// hash, a longer value's key is its hash), sweeping the old slots in order.
    private mutating func grow() {
        var next = [Slot](repeating: Slot(key: 0, packed: 0), count: slots.count * 2)
        next.withUnsafeMutableBufferPointer { next in
            let mask = next.count - 1
            slots.withUnsafeBufferPointer { slots in
                for occupant in slots where occupant.packed != 0 {
                    let code = (occupant.packed >> 32) & 0xF
                    let hash = code == Self.longCode ? occupant.key : Self.hash(occupant.key, Int(code))
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while next[slot].packed != 0 { slot = (slot + 1) & mask }
                    next[slot] = occupant
                }
            }
        }
        slots = next
        isLarge = slots.count >= Self.largeSlots
    }

    /// Adds `weight` to the count in `slot` (entry `entry`'s), what does not fit to ``overflow``.
    private mutating func addSlowly(_ weight: Int, entry: Int, slot: Int) {
        let room = Self.countLimit - slots[slot].packed >> 36
        let here = UInt64(weight) <= room ? UInt64(weight) : room
        slots[slot].packed &+= here << 36
        if UInt64(weight) > here { overflow[entry, default: 0] += weight - Int(here) }
    }

    /// Per entry, the count its slot holds.
    private func slotCounts() -> [UInt32] {
        // Without a branch per slot (half are empty, at random): an empty slot writes to
        // place 0, before the entries' places 1…count, which is dropped at the end.
        var held = [UInt32](repeating: 0, count: entries.count + 1)
        held.withUnsafeMutableBufferPointer { held in
            for occupant in slots {
                held[Int(occupant.packed & 0xFFFF_FFFF)] = UInt32(truncatingIfNeeded: occupant.packed >> 36)
            }
        }
        held.removeFirst()
        return held
    }

    /// Entry `entry`'s count, from ``slotCounts()`` and ``overflow``.
    @inline(__always)
    private func count(of entry: Int, held: [UInt32]) -> Int {
        let inSlot = Int(held[entry])
        return overflow.isEmpty ? inSlot : inSlot + (overflow[entry] ?? 0)
    }

    /// The table's hash of a value of at most 8 bytes (not ``ByteHash``'s: the entries'
    /// order never depends on it, and sketches keep their own).
    @inline(__always)
    static func hash(_ word: UInt64, _ length: Int) -> UInt64 {
        ByteHash.mix(word &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(length))
    }

    /// ``hash(of:)`` of `bytes` whose ``ByteHash`` is `byteHash` (a sketch's): past 16 bytes
    /// the two are one, so it is not computed twice.
    @inline(__always)
    static func hash(of bytes: UnsafeRawBufferPointer, byteHash: UInt64) -> UInt64 {
        bytes.count > 16 ? byteHash : hash(of: bytes)
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
        let held = slotCounts()
        try arena.withUnsafeBufferPointer { arena in
            for index in entries.indices {
                let entry = entries[index]
                let length = Int(entry.length)
                let total = count(of: index, held: held)
                if length > 8 {
                    try body(UnsafeRawBufferPointer(start: arena.baseAddress! + Int(entry.word), count: length), total, entry.form)
                } else {
                    var word = entry.word.littleEndian
                    try withUnsafeBytes(of: &word) { raw in try body(UnsafeRawBufferPointer(rebasing: raw[0..<length]), total, entry.form) }
                }
            }
        }
    }
}
