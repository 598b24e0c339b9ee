import ReportKit

/// A line chart of a report's headline numbers over its runs, oldest left: one line per
/// number, each with its own dash pattern and a legend, so lines are told apart without colour.
public struct TrendChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// One value per label; `nil` where that run has no such number.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    /// The x positions' names: the runs' days, oldest first.
    public var labels: [String]
    public var series: [Series]

    /// At most this many lines are drawn (the first ones); the description says how many more.
    public static let maximumSeries = 5
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2"]

    public init(title: String, labels: [String], series: [Series]) {
        self.title = title
        self.labels = labels
        self.series = series
    }

    /// The chart as inline SVG; `id` must be unique in the page.
    public func svg(id: String) -> HTML {
        let drawn = Array(series.prefix(Self.maximumSeries))
        let legendRows = Double((drawn.count + 1) / 2)
        let width = 560.0
        let (left, right, bottom) = (56.0, 16.0, 30.0)
        let top = 20 + legendRows * 18
        let height = top + 160 + bottom
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let values = drawn.flatMap { $0.values.compactMap { $0 } }
        let scale = NiceScale(minimum: values.min() ?? 0, maximum: values.max() ?? 1, ticks: 5)
        let step = labels.count > 1 ? plotWidth / Double(labels.count - 1) : 0
        func x(_ index: Int) -> Double { labels.count > 1 ? left + Double(index) * step : left + plotWidth / 2 }
        func y(_ value: Double) -> Double { top + plotHeight - scale.fraction(value) * plotHeight }
        var parts: [HTML] = []
        for (index, line) in drawn.enumerated() {
            let legendX = 8 + Double(index % 2) * 276
            let legendY = 10 + Double(index / 2) * 18
            let colour = ChartPalette.series[index % ChartPalette.series.count]
            var swatch = [HTMLAttribute("x1", SVG.n(legendX)), HTMLAttribute("y1", SVG.n(legendY + 5)), HTMLAttribute("x2", SVG.n(legendX + 28)),
                          HTMLAttribute("y2", SVG.n(legendY + 5)), HTMLAttribute("stroke", colour), HTMLAttribute("stroke-width", "2")]
            if !Self.dashes[index].isEmpty { swatch.append(HTMLAttribute("stroke-dasharray", Self.dashes[index])) }
            parts.append(.element("line", attributes: swatch))
            parts.append(SVG.text(line.name, x: legendX + 34, y: legendY + 9, limit: 34))
        }
        for tick in scale.ticks {
            parts.append(SVG.line(x1: left, y1: y(tick), x2: width - right, y2: y(tick), dashed: tick != 0))
            parts.append(SVG.text(ChartText.number(tick), x: left - 4, y: y(tick) + 4, anchor: "end"))
        }
        let every = max(Int((46 / max(step, 1)).rounded(.up)), 1)
        for (index, label) in labels.enumerated() where (labels.count - 1 - index) % every == 0 {
            parts.append(SVG.text(label, x: x(index), y: height - bottom + 16, anchor: "middle", limit: 10))
        }
        for (index, line) in drawn.enumerated() {
            let colour = ChartPalette.series[index % ChartPalette.series.count]
            let points = line.values.enumerated().compactMap { position, value in value.map { (x(position), y($0)) } }
            if points.count > 1 {
                parts.append(SVG.polyline(points, stroke: colour, dashes: Self.dashes[index]))
            }
            for (position, value) in line.values.enumerated() {
                guard let value else { continue }
                parts.append(SVG.circle(x: x(position), y: y(value), radius: 3, fill: colour, tooltip: "\(labels[position]): \(line.name) \(ChartText.number(value))"))
            }
        }
        var description = drawn.map { line in
            let shown = zip(labels, line.values).compactMap { label, value in value.map { "\(label) \(ChartText.number($0))" } }
            return "\(line.name): " + shown.joined(separator: ", ")
        }.joined(separator: "; ")
        if series.count > drawn.count { description += "; \(series.count - drawn.count) more numbers not drawn" }
        return SVG.root(id: id, width: width, height: height, title: title, description: description + ".", parts)
    }
}
