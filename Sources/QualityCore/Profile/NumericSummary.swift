/// Mean, sample standard deviation and quartiles of sorted values with counts, the way
/// pandas computes them (`mean`, `std(ddof=1)`, `quantile(q)` with numpy's `linear`
/// method), with compensated sums in place of numpy's pairwise ones.
struct NumericSummary: Sendable, Hashable {
    var mean: Double?
    var std: Double?
    var p25: Double?
    var p50: Double?
    var p75: Double?

    /// `values` ascending, each with its count (> 0).
    init<Values: RandomAccessCollection>(sorted values: Values) where Values.Element == (value: Double, count: Int), Values.Index == Int {
        let n = values.reduce(0) { $0 + $1.count }
        guard n > 0 else { return }
        var sum = CompensatedSum()
        for item in values { sum.add(item.value, times: Double(item.count)) }
        let mean = sum.value / Double(n)
        self.mean = mean
        if n > 1 {
            var squares = CompensatedSum()
            for item in values {
                let distance = item.value - mean
                squares.add(distance * Double(item.count), times: distance)
            }
            std = (squares.value / Double(n - 1)).squareRoot()
        }
        p25 = Self.quantile(0.25, of: values, count: n)
        p50 = Self.quantile(0.5, of: values, count: n)
        p75 = Self.quantile(0.75, of: values, count: n)
    }

    /// numpy's linear quantile: the virtual index h = (n−1)q between the values at ⌊h⌋ and
    /// ⌊h⌋+1, combined as numpy's `_lerp` does (from below when t < ½, from above otherwise).
    static func quantile<Values: RandomAccessCollection>(
        _ q: Double, of values: Values, count n: Int
    ) -> Double where Values.Element == (value: Double, count: Int), Values.Index == Int {
        let position = Double(n - 1) * q
        let below = position.rounded(.down)
        let t = position - below
        let lowerIndex = Int(below)
        let a = value(at: lowerIndex, in: values)
        let b = lowerIndex + 1 < n ? value(at: lowerIndex + 1, in: values) : a
        return lerp(a, b, t)
    }

    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }

    /// The value at 0-based position `index` of the expanded sorted list.
    private static func value<Values: RandomAccessCollection>(
        at index: Int, in values: Values
    ) -> Double where Values.Element == (value: Double, count: Int), Values.Index == Int {
        var seen = 0
        for item in values {
            seen += item.count
            if index < seen { return item.value }
        }
        return values[values.endIndex - 1].value
    }
}
