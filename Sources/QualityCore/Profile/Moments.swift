/// Mean and variance of a stream, mergeable: compensated sums of the values' distances
/// from a shift (the first value), so 16-digit values with a small spread keep their digits.
struct Moments: Sendable, Hashable {
    private(set) var count = 0
    private var shift = 0.0
    private var sum = CompensatedSum()
    private var squares = CompensatedSum()

    mutating func add(_ value: Double, weight: Int = 1) {
        if count == 0 { shift = value }
        let distance = value - shift
        let w = Double(weight)
        sum.add(distance, times: w)
        squares.add(distance * w, times: distance)
        count += weight
    }

    mutating func merge(_ other: Moments) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let delta = other.shift - shift
        let n = Double(other.count)
        squares.add(other.squares)
        squares.add(2 * delta, times: other.sum.value)
        squares.add(delta * n, times: delta)
        sum.add(other.sum)
        sum.add(delta, times: n)
        count += other.count
    }

    var mean: Double? { count > 0 ? shift + sum.value / Double(count) : nil }

    /// The sample variance (ddof 1).
    var variance: Double? {
        guard count > 1 else { return nil }
        let n = Double(count)
        var centred = squares
        centred.add(-sum.value, times: sum.value / n)
        return Swift.max(0, centred.value / (n - 1))
    }
}
