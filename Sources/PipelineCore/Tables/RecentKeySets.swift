import ReportKit

/// The key sets (`kjonn` → `1`, …) of the last few rows a ``StatisticsReader`` read, each with
/// the bytes of its key fields: a row whose key fields hold the same bytes as one of them has
/// that key set, found without making its texts or hashing them.
struct RecentKeySets {
    private struct Entry {
        /// The key fields' bytes, one after another, and where each ends.
        var bytes: [UInt8]
        var ends: [Int]
        var keys: [String: String]
    }

    /// How many key sets are kept (rows of a file cycle through a few: two sexes, a handful
    /// of groups); past them, the reader's table of every key set answers.
    static let capacity = 8
    private var entries: [Entry] = []
    private var next = 0
    /// Rows found and missed; a file whose rows miss more often than not (one key set per
    /// country, say) stops being looked through after a few rows.
    private var found = 0, missed = 0

    /// `false` once the key sets have missed more often than not over 64 rows or more.
    var isUseful: Bool { missed < 64 || found >= missed }

    /// The key set of `record`'s fields at `positions` (one per key, in key order), when it is
    /// one of the last few; `nil` otherwise, and for a field with doubled quotes (its bytes
    /// are not its value).
    mutating func keys(of record: CSVRecord, at positions: [Int]) -> [String: String]? {
        for entry in entries where matches(entry, record, positions) {
            found += 1
            return entry.keys
        }
        missed += 1
        return nil
    }

    /// Keeps `keys` as the key set of `record`'s fields at `positions`, in place of the oldest.
    mutating func remember(_ keys: [String: String], of record: CSVRecord, at positions: [Int]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for position in positions {
            guard !record[position].hasDoubledQuotes else { return }
            bytes.append(contentsOf: record.rawField(position))
            ends.append(bytes.count)
        }
        let entry = Entry(bytes: bytes, ends: ends, keys: keys)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
            next = (next + 1) % Self.capacity
        }
    }

    private func matches(_ entry: Entry, _ record: CSVRecord, _ positions: [Int]) -> Bool {
        entry.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for (slot, position) in positions.enumerated() {
                let end = entry.ends[slot]
                let field = record[position]
                if field.hasDoubledQuotes { return false }
                let raw = record.rawField(position)
                if !Self.same(UnsafeBufferPointer(rebasing: bytes[start..<end]), raw) { return false }
                start = end
            }
            return true
        }
    }

    /// `true` when the two hold the same bytes.
    @inline(__always)
    static func same(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        for index in 0..<left.count where left[index] != right[index] { return false }
        return true
    }

    /// `true` when `stored` holds the bytes of `raw`.
    @inline(__always)
    static func same(_ stored: [UInt8], _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        stored.withUnsafeBufferPointer { same($0, raw) }
    }
}
