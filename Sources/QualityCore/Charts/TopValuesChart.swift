import ReportKit

/// A horizontal bar chart of a column's most frequent values, the rest summed as one
/// "other" bar: what a table summary draws per column from its value counts.
public struct TopValuesChart: Sendable, Hashable {
    /// One bar: a value (or "other") and how often it occurs.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var count: Double
        /// The bar summing the values outside the top ones.
        public var isOther: Bool

        public init(label: String, count: Double, isOther: Bool = false) {
            self.label = label
            self.count = count
            self.isOther = isOther
        }
    }

    public var title: String
    public var bars: [Bar]

    /// The chart of `counts` (value, count; most frequent first): the first `top` of them,
    /// then "other (k values)" holding the rest and, when `total` is more than all counts
    /// listed, the values the counts do not list.
    public init(title: String, counts: [(value: String, count: Double)], top: Int = 10, total: Double? = nil) {
        self.title = title
        var bars = counts.prefix(top).map { Bar(label: $0.value, count: $0.count) }
        let rest = counts.dropFirst(top)
        var otherCount = rest.reduce(0) { $0 + $1.count }
        let listed = counts.reduce(0) { $0 + $1.count }
        if let total, total > listed { otherCount += total - listed }
        if otherCount > 0 {
            let label = rest.isEmpty ? "other" : "other (\(rest.count) values)"
            bars.append(Bar(label: label, count: otherCount, isOther: true))
        }
        self.bars = bars
    }

    static let width = 560.0
    static let labelWidth = 150.0
    static let rowHeight = 20.0
    static let labelLimit = 22

    /// The chart as inline SVG; `id` must be unique in the page.
    public func svg(id: String) -> HTML {
        let plotLeft = Self.labelWidth + 8
        let plotWidth = Self.width - plotLeft - 60
        let scale = NiceScale(minimum: 0, maximum: bars.map(\.count).max() ?? 1, ticks: 5)
        let top = 8.0
        let plotHeight = Double(bars.count) * Self.rowHeight
        var parts: [HTML] = []
        for tick in scale.ticks {
            let x = plotLeft + scale.fraction(tick) * plotWidth
            parts.append(SVG.line(x1: x, y1: top, x2: x, y2: top + plotHeight, dashed: tick != 0))
            parts.append(SVG.text(ChartText.number(tick), x: x, y: top + plotHeight + 14, anchor: "middle"))
        }
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * Self.rowHeight
            let length = scale.fraction(bar.count) * plotWidth
            parts.append(SVG.text(bar.label, x: Self.labelWidth, y: y + 14, anchor: "end", limit: Self.labelLimit))
            parts.append(SVG.rect(x: plotLeft, y: y + 3, width: length, height: Self.rowHeight - 6,
                                  fill: bar.isOther ? ChartPalette.other : ChartPalette.bar))
            parts.append(SVG.text(ChartText.number(bar.count), x: plotLeft + length + 4, y: y + 14))
        }
        let height = top + plotHeight + 22
        let listed = bars.filter { !$0.isOther }.map { "\($0.label) \(ChartText.number($0.count))" }
        var description = "Most frequent values: " + (listed.isEmpty ? "none" : listed.joined(separator: ", "))
        if let other = bars.first(where: \.isOther) { description += "; \(other.label) \(ChartText.number(other.count))" }
        return SVG.root(id: id, width: Self.width, height: height, title: title, description: description + ".", parts)
    }
}
