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

    /// Adds `value × weight`, the product's rounding error included (a weight of 1, most
    /// cells' count, has none: then no fused multiply-add, a library call on baseline x86-64).
    @inline(__always) mutating func add(_ value: Double, times weight: Double) {
        if weight == 1 { return add(value) }
        let product = value * weight
        add(product)
        low += Self.error(of: product, value, weight)
    }

    /// `a × b − product` exactly, `product` being `a × b` rounded: Dekker's product of halves
    /// (each factor split into 26 and 27 bits, whose products are exact), which is what a
    /// fused multiply-add gives, without its library call. Outside the magnitudes where no
    /// part can overflow or underflow (and for 0, infinities and NaN), the fused one.
    @inline(__always)
    static func error(of product: Double, _ a: Double, _ b: Double) -> Double {
        let (x, y) = (abs(a), abs(b))
        guard x < 0x1p500, y < 0x1p500, x > 0x1p-400, y > 0x1p-400 else { return (-product).addingProduct(a, b) }
        let (aHigh, aLow) = split(a), (bHigh, bLow) = split(b)
        return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow
    }

    /// `value` as a high part of 26 significant bits and the low rest (Veltkamp's split).
    @inline(__always)
    private static func split(_ value: Double) -> (high: Double, low: Double) {
        let scaled = 134_217_729.0 * value  // 2^27 + 1
        let high = scaled - (scaled - value)
        return (high, value - high)
    }

    /// Adds another sum.
    mutating func add(_ other: CompensatedSum) {
        add(other.high)
        low += other.low
    }

    /// The sum rounded to a `Double`.
    var value: Double { high + low }
}
