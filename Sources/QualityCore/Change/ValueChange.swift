/// One value whose count changed between two runs: a row of `diffs/{table}/{column}.csv`.
public struct ValueChange: Sendable, Hashable {
    /// The value as the value-count files write it.
    public var value: String
    /// Its count in this run (0 when it is gone).
    public var count: Int
    /// Its count in the previous run (0 when it is new).
    public var previousCount: Int

    public init(value: String, count: Int, previousCount: Int) {
        self.value = value
        self.count = count
        self.previousCount = previousCount
    }

    /// `count − previousCount`.
    public var change: Int { count - previousCount }

    /// The header of a diff file.
    public static let header = ["value", "count", "previous_count", "change"]

    /// The row of a diff file.
    public var row: [String] { [value, String(count), String(previousCount), String(change)] }

    /// The changed values of one column, from its value counts in this run and the previous
    /// one (missing values are counted in neither): values are matched by their text, so a
    /// value is only ever matched with itself (`N/A` with `N/A`, never with `NA`); a value on
    /// one side only counts 0 on the other. Ordered by change descending, then count
    /// descending, then value by code point.
    public static func changes(current: [(value: String, count: Int)], previous: [(value: String, count: Int)]) -> [ValueChange] {
        var counts: [String: (current: Int, previous: Int)] = [:]
        for entry in current { counts[entry.value, default: (0, 0)].current += entry.count }
        for entry in previous { counts[entry.value, default: (0, 0)].previous += entry.count }
        return counts.compactMap { value, pair in
            pair.current == pair.previous ? nil : ValueChange(value: value, count: pair.current, previousCount: pair.previous)
        }
        .sorted { lhs, rhs in
            if lhs.change != rhs.change { return lhs.change > rhs.change }
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            return lhs.value.precedesByCodePoints(rhs.value)
        }
    }
}
