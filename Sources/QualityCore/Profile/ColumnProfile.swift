/// The figures of one column.
public struct ColumnProfile: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    /// Non-missing values.
    public var count: Int
    /// Missing values (empty fields).
    public var missing: Int
    /// Distinct non-missing values (typed: `1.0` and `1.00` are one number).
    public var distinct: Figure<Int>
    /// The most frequent value (ties: the smallest value, see ``ProfileValue/<(_:_:)``);
    /// `nil` when the column has no value.
    public var top: Figure<ProfileValue>?
    /// How often ``top`` occurs.
    public var freq: Figure<Int>?
    /// Integers and numbers: the mean and the sample standard deviation (ddof 1; `nil`
    /// for fewer than two values).
    public var mean: Double?
    public var std: Double?
    /// Integers, numbers, dates and timestamps: the smallest and largest value.
    public var min: ProfileValue?
    public var max: ProfileValue?
    /// Integers and numbers: quartiles by linear interpolation (numpy's `linear` method,
    /// pandas' default), estimates in sketch mode.
    public var p25: Figure<Double>?
    public var p50: Figure<Double>?
    public var p75: Figure<Double>?
    /// Text: lengths in Unicode code points.
    public var lengths: TextLengths?
    /// Every value with its count (sketch mode: the frequent candidates, with a bound).
    public var valueCounts: ValueCounts
}

/// Lengths of a text column's values in Unicode code points.
public struct TextLengths: Sendable, Hashable {
    public var min: Int
    public var mean: Double
    public var max: Int

    public init(min: Int, mean: Double, max: Int) {
        self.min = min
        self.mean = mean
        self.max = max
    }
}

/// A column's values with their counts, by count descending, then value ascending;
/// missing values are not counted.
public struct ValueCounts: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var value: ProfileValue
        public var count: Int

        public init(value: ProfileValue, count: Int) {
            self.value = value
            self.count = count
        }
    }

    public var entries: [Entry]
    /// `nil` when the counts are exact and complete; in sketch mode the Misra–Gries bound:
    /// any value missing from the list occurs at most this often, and (unless
    /// ``countsAreExact``) each listed count is at most this much below the truth.
    public var undercount: Int?
    /// The listed counts are exact (always in exact mode; after a ``ValueRecount`` in
    /// sketch mode, where the list may still leave out values rarer than ``undercount``).
    public var countsAreExact: Bool

    public init(entries: [Entry], undercount: Int?, countsAreExact: Bool? = nil) {
        self.entries = entries
        self.undercount = undercount
        self.countsAreExact = countsAreExact ?? (undercount == nil)
    }

    /// Exact and complete.
    public var isExact: Bool { undercount == nil }
}
