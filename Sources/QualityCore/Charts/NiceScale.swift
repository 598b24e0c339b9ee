import Foundation

/// An axis from `lower` to `upper` with ticks at round numbers (1, 2 or 5 times a power of
/// ten), covering the data: what the charts' axes and grid lines use.
public struct NiceScale: Sendable, Hashable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// A scale over `minimum...maximum` with about `ticks` ticks (at least two). A span of
    /// zero is widened to one step around the value; zero is kept in when `includeZero`.
    public init(minimum: Double, maximum: Double, ticks: Int = 5, includeZero: Bool = true) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 0
        if includeZero { low = min(low, 0); high = max(high, 0) }
        if low == high { high = low + 1 }
        let step = Self.niceStep((high - low) / Double(max(ticks - 1, 1)))
        self.step = step
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
    }

    /// The tick values from ``lower`` to ``upper``.
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        // Rounded to the step's decimals, so 0.2 × 3 is 0.6, not 0.6000000000000001.
        let scale = pow(10, max(0, -log10(step).rounded(.down) + 1))
        return (0..<count).map { ((lower + Double($0) * step) * scale).rounded() / scale }
    }

    /// Where `value` falls, 0 at ``lower`` and 1 at ``upper``.
    public func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }

    /// The round step nearest to `raw`: 1, 2 or 5 × 10ⁿ.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        let scaled = raw / power
        let nice: Double = scaled < 1.5 ? 1 : scaled < 3 ? 2 : scaled < 7 ? 5 : 10
        return nice * power
    }
}
