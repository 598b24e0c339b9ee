/// The values that may be frequent, with counts that are never too high: a Misra–Gries
/// summary (mergeable, Agarwal et al. 2012) over byte keys.
///
/// Holds at most `2 × capacity` keys; when more arrive, every count drops by the
/// (capacity+1)-th largest and the keys at zero go. ``undercount`` adds up those drops,
/// so for every value `count ≤ true count ≤ count + undercount`, and any value whose true
/// count exceeds `undercount` is held. `undercount ≤ n / (capacity + 1)`.
struct FrequentValues: Sendable {
    let capacity: Int
    private(set) var table: ByteCountTable
    /// How much any count may be below the truth.
    private(set) var undercount = 0

    init(capacity: Int) {
        self.capacity = capacity
        table = ByteCountTable(reservingFor: 2 * capacity + 1)
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer, weight: Int = 1) {
        add(bytes, hash: ByteCountTable.hash(of: bytes), weight: weight)
    }

    /// ``add(_:weight:)`` with the value's ``ByteCountTable/hash(of:)`` known.
    @inline(__always)
    mutating func add(_ bytes: UnsafeRawBufferPointer, hash: UInt64, weight: Int) {
        table.add(bytes, hash: hash, weight: weight) { _ in [] }
        if table.count > 2 * capacity { reduce() }
    }

    mutating func merge(_ other: FrequentValues) {
        other.table.forEach { bytes, count, _ in
            table.add(bytes, weight: count) { _ in [] }
        }
        undercount += other.undercount
        if table.count > 2 * capacity { reduce() }
    }

    /// Drops every count by the (capacity+1)-th largest; the values still above zero go to a
    /// new table in the order they were held. When none is (values all seen once, as a column
    /// of distinct texts gives), the table is emptied in place instead, allocating nothing.
    private mutating func reduce() {
        var counts = table.counts
        let threshold = Self.largest(capacity, of: &counts)
        undercount += threshold
        guard counts.contains(where: { $0 > threshold }) else { return table.removeAll() }
        var kept = ByteCountTable(reservingFor: 2 * capacity + 1)
        table.forEach { bytes, count, _ in
            if count > threshold { kept.add(bytes, weight: count - threshold) { _ in [] } }
        }
        table = kept
    }

    /// The value at index `rank` of `values` sorted descending (`values.sorted(by: >)[rank]`),
    /// by selection rather than a sort; `values` is left reordered.
    static func largest(_ rank: Int, of values: inout [Int]) -> Int {
        precondition(rank < values.count, "a rank past the values")
        var low = 0, high = values.count - 1
        while low < high {
            let pivot = values[low + (high - low) / 2]
            var left = low, right = high
            while left <= right {
                while values[left] > pivot { left += 1 }
                while values[right] < pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if rank <= right {
                high = right
            } else if rank >= left {
                low = left
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }
}
