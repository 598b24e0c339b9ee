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
    }

    private var entries: [UInt64: [Entry]] = [:]
    /// The last row's key set, tried first (rows of one group often follow each other).
    private var last: Entry?

    /// The key set of `record`'s fields at `positions` (one per key, in key order), when one
    /// was made for the same bytes; `nil` otherwise, and for a field with doubled quotes (its
    /// bytes are not its value).
    mutating func keys(of record: CSVRecord, at positions: [Int]) -> [String: String]? {
        if let last, Self.matches(last, record, positions) { return last.keys }
        guard let hash = Self.hash(record, positions), let candidates = entries[hash] else { return nil }
        for entry in candidates where Self.matches(entry, record, positions) {
            last = entry
            return entry.keys
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
        let entry = Entry(bytes: bytes, ends: ends, keys: keys)
        entries[hash, default: []].append(entry)
        last = entry
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
