import ReportKit

/// The key sets (`kjonn` → `1`, …) a ``StatisticsReader`` has made, found again by the bytes
/// of a row's key fields: a row whose key fields hold bytes seen before has that key set,
/// without making its texts or hashing them as Swift hashes text (Unicode-normalized, slow
/// for names such as `Norskfødte`). The bytes are hashed with FNV-1a; equal hashes are told
/// apart by comparing the bytes.
struct KeySetTable {
    private struct Entry {
        /// The key fields' bytes, one after another, and where each ends.
        var bytes: [UInt8]
        var ends: [Int]
        var keys: [String: String]
        var hash: UInt64
    }

    private var entries: [Entry] = []
    /// Open addressing over the hashes: slot → position in `entries`, -1 for an empty slot;
    /// the count is a power of two, at least twice the entries' (a file has a few key sets,
    /// so this costs no `Dictionary` hashing per row).
    private var slots = [Int32](repeating: -1, count: 16)
    /// The last row's key set, tried first (rows of one group often follow each other).
    private var last = -1

    /// The key set of `record`'s fields at `positions` (one per key, in key order), when one
    /// was made for the same bytes; `nil` otherwise, and for a field with doubled quotes (its
    /// bytes are not its value).
    mutating func keys(of record: CSVRecord, at positions: [Int]) -> [String: String]? {
        if last >= 0, Self.matches(entries[last], record, positions) { return entries[last].keys }
        guard let hash = Self.hash(record, positions) else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let position = Int(slots[slot])
            if entries[position].hash == hash, Self.matches(entries[position], record, positions) {
                last = position
                return entries[position].keys
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Keeps `keys` as the key set of `record`'s fields at `positions`.
    mutating func remember(_ keys: [String: String], of record: CSVRecord, at positions: [Int]) {
        guard let hash = Self.hash(record, positions) else { return }
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for position in positions {
            bytes.append(contentsOf: record.rawField(position))
            ends.append(bytes.count)
        }
        entries.append(Entry(bytes: bytes, ends: ends, keys: keys, hash: hash))
        if entries.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for position in entries.indices { place(position) }
        } else {
            place(entries.count - 1)
        }
        last = entries.count - 1
    }

    /// Puts entry `position` in the first free slot from its hash's.
    private mutating func place(_ position: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[position].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position)
    }

    /// FNV-1a of the key fields' bytes and lengths; `nil` when one has doubled quotes.
    private static func hash(_ record: CSVRecord, _ positions: [Int]) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for position in positions {
            if record[position].hasDoubledQuotes { return nil }
            for byte in record.rawField(position) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ UInt64(record[position].count) ^ 0x8000) &* 0x100_0000_01b3
        }
        return hash
    }

    private static func matches(_ entry: Entry, _ record: CSVRecord, _ positions: [Int]) -> Bool {
        entry.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for (slot, position) in positions.enumerated() {
                let end = entry.ends[slot]
                if record[position].hasDoubledQuotes { return false }
                if !same(UnsafeBufferPointer(rebasing: bytes[start..<end]), record.rawField(position)) { return false }
                start = end
            }
            return true
        }
    }

    /// `true` when the two hold the same bytes (``bytesEqual(_:_:count:)``).
    @inline(__always)
    static func same(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard left.count > 0, let a = left.baseAddress, let b = right.baseAddress else { return true }
        return bytesEqual(a, b, count: left.count)
    }

    /// `true` when `stored` holds the bytes of `raw`.
    @inline(__always)
    static func same(_ stored: [UInt8], _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        stored.withUnsafeBufferPointer { same($0, raw) }
    }
}
