import ReportKit

/// The trend of a report's headline numbers over its earlier runs in the store and this one.
enum TrendView {
    /// How many runs the trend covers, this one included.
    static let runs = 30

    static func blocks(_ report: ManifestReport, day: CalendarDay, history: [RunManifest]) -> [PageBlock] {
        let earlier = history.filter { $0.day < day }.sorted { $0.day > $1.day }.prefix(runs - 1).reversed()
        var points: [(day: CalendarDay, headline: [Headline])] = earlier.compactMap { manifest in
            manifest[report.folder].map { (manifest.day, $0.headline) }
        }
        points.append((day, report.headline))
        var names: [String] = report.headline.map(\.name)
        for point in points { for headline in point.headline where !names.contains(headline.name) { names.append(headline.name) } }
        guard !names.isEmpty else { return [] }
        let series = names.map { name in
            TrendChart.Series(name: name, values: points.map { point in point.headline.first { $0.name == name }?.value })
        }
        let labels = points.map { String($0.day.description.dropFirst(5)) }
        var blocks: [PageBlock] = [.heading("Over time", level: 2, anchor: "trend")]
        let caption = points.count == 1 ? "Only this run so far; later runs add to the line." : "The last \(points.count) runs, \(points.first!.day) to \(day)."
        blocks.append(.charts([TrendChart(title: "\(report.name): headline numbers over time", labels: labels, series: series).svg(id: "trend")], caption: caption))
        let header = ["number"] + points.map { $0.day.description }
        let rows = series.map { line in [line.name] + line.values.map { $0.map { ChartText.number($0).replacingOccurrences(of: "−", with: "-") } ?? "" } }
        blocks.append(.table(PageTable(caption: "Headline numbers per run", header: header, rows: rows, numericColumns: Set(1..<header.count))))
        return blocks
    }
}
