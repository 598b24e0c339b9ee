/// What a ``DuplicateProbe`` has counted: every distinct key once, with whether it was seen
/// again, and the keys seen more than once. One value, so that the probe works on a local
/// copy of it for a whole batch of rows.
struct DuplicateCounts {
    /// Keys of bytes (a text column's cells, or several columns' parts).
    var keys = ByteCountTable()
    /// Per entry of `keys`: how often its key was seen, up to 2.
    var seen: [UInt8] = []
    /// Keys of one numeric column: the numbers' bits.
    var numbers = WordCounts()
    /// The scratch a key of several parts is built in.
    var key: [UInt8] = []
    /// Distinct keys seen more than once.
    var duplicated = 0
    /// Rows read.
    var rows = 0

    /// Counts a key of bytes; `true` when an earlier row had it (the row is a sample).
    @inline(__always)
    mutating func count(_ key: UnsafeRawBufferPointer) -> Bool {
        let (entry, isNew) = keys.add(key) { _ in [] }
        if isNew {
            seen.append(1)
            return false
        }
        if seen[entry] == 1 {
            seen[entry] = 2
            duplicated += 1
        }
        return true
    }

    /// Counts a number's bits; `true` when an earlier row had them.
    @inline(__always)
    mutating func count(_ bits: UInt64) -> Bool {
        let times = numbers.add(bits)
        if times == 2 { duplicated += 1 }
        return times >= 2
    }
}
