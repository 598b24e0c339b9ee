/// Mean, sample standard deviation and quartiles of sorted values with counts, the way
/// pandas computes them (`mean`, `std(ddof=1)`, `quantile(q)` with numpy's `linear`
/// method), with compensated sums in place of numpy's pairwise ones.
struct NumericSummary: Sendable, Hashable {
    var mean: Double?
    var std: Double?
    var p25: Double?
    var p50: Double?
    var p75: Double?

    /// `values` ascending, each with its count (> 0), read twice (a lazy view is fine): the
    /// count and the sum, then the squared distances to the mean and the quartiles.
    init<Values: Sequence>(sorted values: Values) where Values.Element == (value: Double, count: Int) {
        var n = 0
        var sum = CompensatedSum()
        for item in values {
            n += item.count
            sum.add(item.value, times: Double(item.count))
        }
        guard n > 0 else { return }
        let mean = sum.value / Double(n)
        self.mean = mean
        var squares = CompensatedSum()
        var quartiles = QuantileWalk([0.25, 0.5, 0.75], count: n)
        for item in values {
            let distance = item.value - mean
            squares.add(distance * Double(item.count), times: distance)
            quartiles.pass(item)
        }
        if n > 1 { std = (squares.value / Double(n - 1)).squareRoot() }
        (p25, p50, p75) = (quartiles.value(0), quartiles.value(1), quartiles.value(2))
    }

    /// numpy's linear quantiles of `n` sorted values with counts, found in one pass (``pass(_:)``
    /// each in order): for each q the virtual index h = (n−1)q between the values at ⌊h⌋ and
    /// ⌊h⌋+1 (the last value twice at the end), combined as numpy's `_lerp` does.
    struct QuantileWalk {
        let qs: [Double]
        let n: Int
        /// The 0-based positions to read: each quantile's ⌊h⌋ and the one after.
        private let positions: [Int]
        /// `positions`' indices in ascending order of position (two quantiles can share one).
        private let order: [Int]
        private var found: [Double]
        private var next = 0
        private var seen = 0

        /// `qs` ascending, of `n` values in all (n > 0).
        init(_ qs: [Double], count n: Int) {
            self.qs = qs
            self.n = n
            let positions = qs.flatMap { q -> [Int] in
                let lower = Int((Double(n - 1) * q).rounded(.down))
                return [lower, Swift.min(lower + 1, n - 1)]
            }
            self.positions = positions
            order = positions.indices.sorted { positions[$0] < positions[$1] }
            found = [Double](repeating: 0, count: positions.count)
        }

        /// The next value ascending, with its count.
        @inline(__always)
        mutating func pass(_ item: (value: Double, count: Int)) {
            guard next < order.count else { return }
            seen += item.count
            while next < order.count, positions[order[next]] < seen {
                found[order[next]] = item.value
                next += 1
            }
        }

        /// Quantile `index` of `qs`, once every value has passed.
        func value(_ index: Int) -> Double {
            let position = Double(n - 1) * qs[index]
            return lerp(found[2 * index], found[2 * index + 1], position - position.rounded(.down))
        }
    }

    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}

/// The numbers of an integer or number column's sorted keys with their counts, as
/// ``NumericSummary`` reads them: integers converted as pandas converts int64 to float64.
/// (A type of its own rather than a lazy map, whose closure would be called per value.)
struct NumericRuns<Runs: Sequence>: Sequence where Runs.Element == (key: UInt64, count: Int) {
    let runs: Runs
    /// Keys of numbers (``RadixSort/key(_:)-(Double)``), else of integers.
    let isNumber: Bool

    func makeIterator() -> Iterator { Iterator(base: runs.makeIterator(), isNumber: isNumber) }

    struct Iterator: IteratorProtocol {
        var base: Runs.Iterator
        let isNumber: Bool

        @inline(__always)
        mutating func next() -> (value: Double, count: Int)? {
            guard let run = base.next() else { return nil }
            return (isNumber ? RadixSort.number(run.key) : Double(RadixSort.integer(run.key)), run.count)
        }
    }
}
