import Foundation

/// Distinct byte strings with a count each: the exact value counts of one column.
///
/// Open addressing over 32-byte ``Slot``s that hold the value itself when it has at most
/// 16 bytes (most numbers, dates and codes), its count and its entry number, so counting a
/// value seen before touches one slot and nothing else; a longer value's bytes live end to
/// end in one byte arena, found from its slot. Entries keep the order first seen (their
/// slot numbers in ``entries``) and the ``ValueForms`` of their bytes, found once, when the
/// value is first seen. No allocation per value.
struct ByteCountTable: Sendable {
    /// One place of the table. `meta` is 0 for an empty slot; else its low 5 bits are the
    /// length of an inline value (0–16) or ``Slot/long``, the rest are hash bits.
    struct Slot: Sendable {
        /// An inline value's bytes 0–7 and 8–15 (zero past its end), or a long value's
        /// arena offset and length.
        var low: UInt64 = 0, high: UInt64 = 0
        var count = 0
        var meta: UInt32 = 0
        var entry: UInt32 = 0

        static let long: UInt32 = 31
    }

    private var slots = [Slot](repeating: Slot(), count: 16)
    /// Per entry, in the order first seen: its slot's number.
    private var entries: [UInt32] = []
    private(set) var forms: [ValueForms] = []
    /// The bytes of values longer than 16 bytes.
    private var arena: [UInt8] = []

    /// Distinct values held.
    var count: Int { entries.count }

    /// The entries' counts, in the order first seen.
    var counts: [Int] { entries.map { slots[Int($0)].count } }

    /// Approximate bytes held, for the memory budget.
    var approximateBytes: Int { slots.capacity * MemoryLayout<Slot>.stride + entries.capacity * 5 + arena.capacity }

    /// Adds `weight` occurrences of `bytes`; `classify` runs only for a value not seen
    /// before. Returns the entry and whether it is new.
    @discardableResult @inline(__always)
    mutating func add(
        _ bytes: UnsafeRawBufferPointer, weight: Int = 1, classify: (UnsafeRawBufferPointer) -> ValueForms
    ) -> (entry: Int, isNew: Bool) {
        let length = bytes.count
        var low: UInt64 = 0, high: UInt64 = 0
        let hash: UInt64
        let kind: UInt32
        if length <= 16 {
            (low, high) = Self.words(bytes)
            hash = Self.hash(low, high, length)
            kind = UInt32(length)
        } else {
            hash = ByteHash.hash(bytes)
            kind = Slot.long
        }
        let meta = UInt32(truncatingIfNeeded: hash >> 32) & ~0x1F | kind | 0x20  // bit 5 set: never 0
        let found: Int? = arena.withUnsafeBytes { arena in
            slots.withUnsafeMutableBufferPointer { slots in
                let mask = slots.count - 1
                var index = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let slot = slots[index]
                    if slot.meta == 0 { return nil }
                    if slot.meta == meta, kind == Slot.long
                        ? Int(slot.high) == length && memcmp(arena.baseAddress! + Int(slot.low), bytes.baseAddress!, length) == 0
                        : slot.low == low && slot.high == high {
                        slots[index].count += weight
                        return Int(slot.entry)
                    }
                    index = (index + 1) & mask
                }
            }
        }
        if let found { return (found, false) }
        return (insert(bytes, low: low, high: high, meta: meta, hash: hash, weight: weight, form: classify(bytes)), true)
    }

    private mutating func insert(
        _ bytes: UnsafeRawBufferPointer, low: UInt64, high: UInt64, meta: UInt32, hash: UInt64, weight: Int, form: ValueForms
    ) -> Int {
        let entry = entries.count
        var slot = Slot(low: low, high: high, count: weight, meta: meta, entry: UInt32(entry))
        if meta & 0x1F == Slot.long {
            slot.low = UInt64(arena.count)
            slot.high = UInt64(bytes.count)
            arena.append(contentsOf: bytes)
        }
        let index = Self.place(slot, hash: hash, in: &slots)
        entries.append(UInt32(index))
        forms.append(form)
        if entries.count * 10 > slots.count * 7 { grow() }  // load ≤ 0.7
        return entry
    }

    /// Puts `slot` in the first free place from `hash`'s; returns its number.
    private static func place(_ slot: Slot, hash: UInt64, in slots: inout [Slot]) -> Int {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].meta != 0 { index = (index + 1) & mask }
        slots[index] = slot
        return index
    }

    /// Doubles the slots, reading the old ones in order (not entry by entry, which would
    /// jump about memory).
    private mutating func grow() {
        var next = [Slot](repeating: Slot(), count: slots.count * 2)
        for slot in slots where slot.meta != 0 {
            entries[Int(slot.entry)] = UInt32(Self.place(slot, hash: hash(of: slot), in: &next))
        }
        slots = next
    }

    private func hash(of slot: Slot) -> UInt64 {
        let kind = slot.meta & 0x1F
        if kind != Slot.long { return Self.hash(slot.low, slot.high, Int(kind)) }
        return arena.withUnsafeBytes { all in
            ByteHash.hash(UnsafeRawBufferPointer(rebasing: all[Int(slot.low)..<(Int(slot.low) + Int(slot.high))]))
        }
    }

    /// Bytes 0–7 and 8–15 of a value of at most 16 bytes, zero past its end: a few loads,
    /// no loop over the bytes.
    @inline(__always)
    static func words(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let length = bytes.count
        if length >= 8 {
            let low = bytes.loadUnaligned(as: UInt64.self)
            guard length > 8 else { return (low, 0) }
            return (low, bytes.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) >> UInt64((16 - length) * 8))
        }
        if length >= 4 {
            let first = UInt64(bytes.loadUnaligned(as: UInt32.self))
            let last = UInt64(bytes.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)) >> UInt64((8 - length) * 8)
            return (first | last << 32, 0)
        }
        var low: UInt64 = 0
        for index in 0..<length { low |= UInt64(bytes[index]) << UInt64(index * 8) }
        return (low, 0)
    }

    /// The table's hash of an inline value (not ``ByteHash``'s: the table's order of entries
    /// never depends on it, and sketches keep their own).
    @inline(__always)
    static func hash(_ low: UInt64, _ high: UInt64, _ length: Int) -> UInt64 {
        ByteHash.mix((low &* 0x9E37_79B9_7F4A_7C15) ^ ((high ^ UInt64(length)) &* 0xC2B2_AE3D_27D4_EB4F))
    }

    /// Every entry's bytes, count and forms, in the order first seen (which sketches fed
    /// from the table depend on).
    func forEach(_ body: (UnsafeRawBufferPointer, Int, ValueForms) throws -> Void) rethrows {
        try arena.withUnsafeBytes { all in
            for entry in entries.indices {
                try visit(slots[Int(entries[entry])], all, body)
            }
        }
    }

    /// Every entry's bytes, count and forms, in the table's own order: faster than
    /// ``forEach(_:)`` on a large table, for figures that do not depend on the order.
    func forEachUnordered(_ body: (UnsafeRawBufferPointer, Int, ValueForms) throws -> Void) rethrows {
        try arena.withUnsafeBytes { all in
            for slot in slots where slot.meta != 0 { try visit(slot, all, body) }
        }
    }

    @inline(__always)
    private func visit(
        _ slot: Slot, _ arena: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, Int, ValueForms) throws -> Void
    ) rethrows {
        let kind = Int(slot.meta & 0x1F)
        if kind == Int(Slot.long) {
            try body(UnsafeRawBufferPointer(rebasing: arena[Int(slot.low)..<(Int(slot.low) + Int(slot.high))]), slot.count, forms[Int(slot.entry)])
        } else {
            var words = (slot.low.littleEndian, slot.high.littleEndian)
            try withUnsafeBytes(of: &words) { raw in
                try body(UnsafeRawBufferPointer(rebasing: raw[0..<kind]), slot.count, forms[Int(slot.entry)])
            }
        }
    }
}
