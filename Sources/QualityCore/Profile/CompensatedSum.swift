/// A sum kept as an unevaluated pair `high + low` (Neumaier's compensated summation):
/// the rounding error of every addition is carried, so sums of millions of 16-digit
/// values stay within a few units of the last place of the exact sum.
struct CompensatedSum: Sendable, Hashable {
    private(set) var high = 0.0
    private(set) var low = 0.0

    /// Adds `value`.
    @inline(__always) mutating func add(_ value: Double) {
        let sum = high + value
        if abs(high) >= abs(value) {
            low += (high - sum) + value
        } else {
            low += (value - sum) + high
        }
        high = sum
    }

    /// Adds `value × weight`, the product's rounding error included.
    @inline(__always) mutating func add(_ value: Double, times weight: Double) {
        let product = value * weight
        add(product)
        low += (-product).addingProduct(value, weight)  // the product's exact error (fused)
    }

    /// Adds another sum.
    mutating func add(_ other: CompensatedSum) {
        add(other.high)
        low += other.low
    }

    /// The sum rounded to a `Double`.
    var value: Double { high + low }
}
