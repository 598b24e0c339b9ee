/// Sorting the exact finish's keys without a comparison per pair: least significant byte
/// first, eight passes of one byte over 64-bit keys (a pass whose byte is the same in every
/// key is skipped, and keys already in order are left as they are), into a second buffer
/// and back. Equal keys keep no particular order: the finish adds their counts up. Pairs
/// of key and count (a value table's) or plain keys (a typed column's cells).
enum RadixSort {
    /// Below this many keys a comparison sort is quicker.
    static let smallest = 256

    /// Sorts `pairs` by `key`, ascending.
    static func sort(_ pairs: inout [(key: UInt64, count: Int)]) {
        pairs.withUnsafeMutableBufferPointer { sort($0) { $0.key } }
    }

    /// Sorts plain keys in place, ascending (a typed column's cells, ``TypedKeys``), through
    /// `spare` when given (several columns sorted one after the other share one).
    static func sort(_ keys: UnsafeMutableBufferPointer<UInt64>, spare: RadixSortSpare? = nil) {
        sort(keys, spare: spare) { $0 }
    }

    /// Sorts `items` by `key(item)`, ascending, through one spare buffer of their size:
    /// `spare`'s room, or one of its own.
    @inline(__always)
    private static func sort<Item: BitwiseCopyable>(
        _ items: UnsafeMutableBufferPointer<Item>, spare kept: RadixSortSpare? = nil, key: (Item) -> UInt64
    ) {
        let count = items.count
        guard count >= smallest else {
            var small = items
            small.sort { key($0) < key($1) }
            return
        }
        if isAscending(items, key: key) { return }  // e.g. an id column, or timestamps in row order
        var histograms = [Int](repeating: 0, count: 8 * 256)
        histograms.withUnsafeMutableBufferPointer { histograms in
            for item in items {
                var value = key(item)
                for byte in 0..<8 {
                    histograms[byte * 256 + Int(value & 0xFF)] += 1
                    value >>= 8
                }
            }
        }
        let owned = kept == nil ? UnsafeMutableBufferPointer<Item>.allocate(capacity: count) : nil
        defer { owned?.deallocate() }
        let spare = owned ?? UnsafeMutableBufferPointer(start: kept!.room(for: count, of: Item.self), count: count)
        var from = items, into = spare
        var offsets = [Int](repeating: 0, count: 256)
        for byte in 0..<8 {
            let base = byte * 256
            if histograms[base + Int((key(items[0]) >> UInt64(byte * 8)) & 0xFF)] == count { continue }
            var running = 0
            for bucket in 0..<256 {
                offsets[bucket] = running
                running += histograms[base + bucket]
            }
            let shift = UInt64(byte * 8)
            offsets.withUnsafeMutableBufferPointer { offsets in
                for item in from {
                    let bucket = Int((key(item) >> shift) & 0xFF)
                    (into.baseAddress! + offsets[bucket]).initialize(to: item)
                    offsets[bucket] += 1
                }
            }
            swap(&from, &into)
        }
        if from.baseAddress != items.baseAddress { items.baseAddress!.update(from: from.baseAddress!, count: count) }
    }

    /// Whether `items` are already in ascending order of `key`: one pass that stops at the
    /// first pair out of order, so in-order keys skip the sort and its spare buffer.
    @inline(__always)
    private static func isAscending<Item>(_ items: UnsafeMutableBufferPointer<Item>, key: (Item) -> UInt64) -> Bool {
        var previous = key(items[0])
        for index in 1..<items.count {
            let next = key(items[index])
            if next < previous { return false }
            previous = next
        }
        return true
    }

    /// `value` as a key that sorts as the integer does.
    @inline(__always)
    static func key(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) ^ (1 << 63) }

    @inline(__always)
    static func integer(_ key: UInt64) -> Int64 { Int64(bitPattern: key ^ (1 << 63)) }

    /// `value` (not NaN; `-0.0` already made `0.0`) as a key that sorts as the number does.
    @inline(__always)
    static func key(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }

    @inline(__always)
    static func number(_ key: UInt64) -> Double {
        Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
    }
}
