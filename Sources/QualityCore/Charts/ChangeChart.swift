import ReportKit

/// Diverging bars of changes: increases to the right of zero, decreases to the left, each
/// with its signed number written beside it (`+15`, `−3`), so the sign never rests on colour.
public struct ChangeChart: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var change: Double

        public init(label: String, change: Double) {
            self.label = label
            self.change = change
        }
    }

    public var title: String
    public var bars: [Bar]

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }

    /// The chart as inline SVG; `id` must be unique in the page.
    public func svg(id: String) -> HTML {
        let width = 560.0
        let labelWidth = 150.0
        let plotLeft = labelWidth + 8
        let plotRight = width - 70
        let rowHeight = 20.0
        let top = 6.0
        let limit = max(bars.map { abs($0.change) }.max() ?? 1, 1)
        let center = bars.contains { $0.change < 0 } ? (bars.contains { $0.change > 0 } ? (plotLeft + plotRight) / 2 : plotRight) : plotLeft
        let half = max(center - plotLeft, plotRight - center)
        var parts: [HTML] = []
        let plotHeight = Double(bars.count) * rowHeight
        parts.append(SVG.line(x1: center, y1: top, x2: center, y2: top + plotHeight, stroke: ChartPalette.grid))
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * rowHeight
            let length = abs(bar.change) / limit * half
            let x = bar.change < 0 ? center - length : center
            let signed = ChartText.signed(bar.change)
            parts.append(SVG.text(bar.label, x: labelWidth, y: y + 14, anchor: "end", limit: 22))
            parts.append(SVG.rect(x: x, y: y + 3, width: length, height: rowHeight - 6,
                                  fill: bar.change < 0 ? ChartPalette.decrease : ChartPalette.increase))
            parts.append(SVG.text(signed, x: width - 4, y: y + 14, anchor: "end", bold: true))
        }
        let description = "Changes: " + (bars.isEmpty ? "none" : bars.map { "\($0.label) \(ChartText.signed($0.change))" }.joined(separator: ", ")) + "."
        return SVG.root(id: id, width: width, height: top + plotHeight + 8, title: title, description: description, parts)
    }
}
