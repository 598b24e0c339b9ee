import ReportKit

/// A histogram of a numeric column: counts per equal-width bin with round edges.
public struct HistogramChart: Sendable, Hashable {
    /// Values from `lower` (included) to `upper` (excluded, but the last bin includes it).
    public struct Bin: Sendable, Hashable {
        public var lower: Double
        public var upper: Double
        public var count: Double

        public init(lower: Double, upper: Double, count: Double) {
            self.lower = lower
            self.upper = upper
            self.count = count
        }
    }

    public var title: String
    public var bins: [Bin]

    public init(title: String, bins: [Bin]) {
        self.title = title
        self.bins = bins
    }

    /// About `count` bins of round width over the `values` (a value and how often it occurs,
    /// such as a value-count file's rows); `nil` without a finite value.
    public init?(title: String, values: [(value: Double, count: Double)], count: Int = 10) {
        let finite = values.filter { $0.value.isFinite }
        guard let low = finite.map(\.value).min(), let high = finite.map(\.value).max() else { return nil }
        let scale = NiceScale(minimum: low, maximum: high == low ? low + 1 : high, ticks: count + 1, includeZero: false)
        let binCount = max(Int(((scale.upper - scale.lower) / scale.step).rounded()), 1)
        var bins = (0..<binCount).map { index in
            Bin(lower: scale.lower + Double(index) * scale.step, upper: scale.lower + Double(index + 1) * scale.step, count: 0)
        }
        for (value, weight) in finite {
            let index = min(max(Int(((value - scale.lower) / scale.step).rounded(.down)), 0), binCount - 1)
            bins[index].count += weight
        }
        self.init(title: title, bins: bins)
    }

    /// The chart as inline SVG; `id` must be unique in the page.
    public func svg(id: String) -> HTML {
        let (width, height) = (560.0, 200.0)
        let (left, right, top, bottom) = (48.0, 12.0, 10.0, 36.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let scale = NiceScale(minimum: 0, maximum: bins.map(\.count).max() ?? 1, ticks: 4)
        var parts: [HTML] = []
        for tick in scale.ticks {
            let y = top + plotHeight - scale.fraction(tick) * plotHeight
            parts.append(SVG.line(x1: left, y1: y, x2: width - right, y2: y, dashed: tick != 0))
            parts.append(SVG.text(ChartText.number(tick), x: left - 4, y: y + 4, anchor: "end"))
        }
        let binWidth = plotWidth / Double(max(bins.count, 1))
        for (index, bin) in bins.enumerated() {
            let barHeight = scale.fraction(bin.count) * plotHeight
            parts.append(SVG.rect(x: left + Double(index) * binWidth + 1, y: top + plotHeight - barHeight, width: binWidth - 2, height: barHeight,
                                  fill: ChartPalette.bar, tooltip: "\(ChartText.number(bin.lower)) to \(ChartText.number(bin.upper)): \(ChartText.number(bin.count))"))
        }
        // Edge labels far enough apart not to overlap (about 7 px a character).
        let edges = bins.map(\.lower) + [bins.last?.upper ?? 0]
        let longest = edges.map { ChartText.number($0).count }.max() ?? 1
        let every = max(Int((Double(longest * 7 + 10) / binWidth).rounded(.up)), 1)
        for (index, edge) in edges.enumerated() where index % every == 0 {
            parts.append(SVG.text(ChartText.number(edge), x: left + Double(index) * binWidth, y: height - bottom + 16, anchor: "middle"))
        }
        let total = bins.reduce(0) { $0 + $1.count }
        let description = "Histogram of \(ChartText.number(total)) values from \(ChartText.number(edges.first ?? 0)) to \(ChartText.number(edges.last ?? 0)) in \(bins.count) bins; "
            + bins.map { "\(ChartText.number($0.lower)) to \(ChartText.number($0.upper)): \(ChartText.number($0.count))" }.joined(separator: ", ") + "."
        return SVG.root(id: id, width: width, height: height, title: title, description: description, parts)
    }
}
