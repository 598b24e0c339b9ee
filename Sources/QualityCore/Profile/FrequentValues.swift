/// The values that may be frequent, with counts that are never too high: a Misra–Gries
/// summary (mergeable, Agarwal et al. 2012) over byte keys.
///
/// Holds at most `2 × capacity` keys; when more arrive, every count drops by the
/// (capacity+1)-th largest and the keys at zero go. ``undercount`` adds up those drops,
/// so for every value `count ≤ true count ≤ count + undercount`, and any value whose true
/// count exceeds `undercount` is held. `undercount ≤ n / (capacity + 1)`.
struct FrequentValues: Sendable {
    let capacity: Int
    private(set) var table = ByteCountTable()
    /// How much any count may be below the truth.
    private(set) var undercount = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func add(_ bytes: UnsafeRawBufferPointer, weight: Int = 1) {
        table.add(bytes, weight: weight) { _ in [] }
        if table.count > 2 * capacity { reduce() }
    }

    mutating func merge(_ other: FrequentValues) {
        other.table.forEach { bytes, count, _ in
            table.add(bytes, weight: count) { _ in [] }
        }
        undercount += other.undercount
        if table.count > 2 * capacity { reduce() }
    }

    private mutating func reduce() {
        let threshold = table.counts.sorted(by: >)[capacity]
        var kept = ByteCountTable()
        table.forEach { bytes, count, _ in
            if count > threshold { kept.add(bytes, weight: count - threshold) { _ in [] } }
        }
        table = kept
        undercount += threshold
    }
}
