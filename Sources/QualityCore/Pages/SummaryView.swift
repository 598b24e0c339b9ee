import ReportKit

/// A table summary's blocks: per table its tidy summary (`summaries/{table}/summary.csv`),
/// its name and row count (`profile.json`) and, per column, the top values from its
/// value-count file (`summaries/{table}/{column}.csv`, names as ``NameSegment``s) and a
/// histogram for numbers.
enum SummaryView {
    /// The charts drawn per column show at most this many values before "other".
    static let topValues = 10

    static func blocks(_ files: ReportFileSet) -> [PageBlock] {
        let tables = files.folders(under: "summaries")
        guard !tables.isEmpty else { return [] }
        var blocks: [PageBlock] = [.heading("Tables", level: 2, anchor: "tables")]
        for (index, table) in tables.enumerated() {
            blocks += tableBlocks(table, index: index, files: files)
        }
        return blocks
    }

    /// `folder` is the table's key segment (``NameSegment``); the page shows the name.
    static func tableBlocks(_ folder: String, index: Int, files: ReportFileSet) -> [PageBlock] {
        let base = "summaries/\(folder)/"
        let summary = files.file(base + "summary.csv").flatMap(ReportFileSet.csv)
        let profile = files.file(base + "profile.json").flatMap(ReportFileSet.json)
        let table = profile?["table"]?.stringValue ?? NameSegment.decode(folder) ?? folder
        var blocks: [PageBlock] = [.heading(table, level: 3, anchor: "table-\(index + 1)")]
        var facts: [PageBlock.Fact] = []
        if let rows = profile?["row_count"]?.intValue { facts.append(.init(name: "rows", value: String(rows))) }
        if let summary, summary.count > 1 { facts.append(.init(name: "columns", value: String(summary.count - 1))) }
        if !facts.isEmpty { blocks.append(.facts(facts)) }
        var types: [String: String] = [:]
        var columnOrder: [String] = []
        if let summary, let header = summary.first {
            let typeIndex = header.firstIndex(of: "type")
            for row in summary.dropFirst() where !row.isEmpty {
                columnOrder.append(row[0])
                if let typeIndex, typeIndex < row.count { types[row[0]] = row[typeIndex] }
            }
            let textColumns: Set<String> = ["column", "type", "top", "min", "max"]
            let numeric = Set(header.indices.filter { !textColumns.contains(header[$0]) })
            blocks.append(.table(PageTable(caption: "Summary of \(table)", header: header, rows: Array(summary.dropFirst()), numericColumns: numeric)))
        }
        // Value-count files: every other CSV of the folder whose header is value,count.
        var counts: [(column: String, rows: [[String]])] = []
        for file in files.under(base) where file.path.segments.count == 3 && file.path.name.hasSuffix(".csv") && file.path.name != "summary.csv" {
            guard let records = ReportFileSet.csv(file), records.first == ["value", "count"] else { continue }
            let segment = String(file.path.name.dropLast(4))
            counts.append((NameSegment.decode(segment) ?? segment, Array(records.dropFirst())))
        }
        counts.sort { (columnOrder.firstIndex(of: $0.column) ?? Int.max, $0.column) < (columnOrder.firstIndex(of: $1.column) ?? Int.max, $1.column) }
        for (position, entry) in counts.enumerated() {
            blocks += columnBlocks(entry.column, rows: entry.rows, type: types[entry.column], id: "t\(index + 1)c\(position + 1)")
        }
        return blocks
    }

    static func columnBlocks(_ column: String, rows: [[String]], type: String?, id: String) -> [PageBlock] {
        let pairs: [(value: String, count: Double)] = rows.compactMap { row in
            guard row.count >= 2, let count = Double(row[1].hasPrefix("~") ? String(row[1].dropFirst()) : row[1]) else { return nil }
            return (row[0], count)
        }
        guard !pairs.isEmpty else { return [] }
        var charts = [TopValuesChart(title: "Top values of \(column)", counts: pairs, top: topValues).svg(id: id + "v")]
        var caption = "\(pairs.count) distinct values"
        if type == "integer" || type == "number" {
            let numbers = pairs.compactMap { pair in Double(pair.value).map { (value: $0, count: pair.count) } }
            if let histogram = HistogramChart(title: "Histogram of \(column)", values: numbers) {
                charts.append(histogram.svg(id: id + "h"))
                caption += "; histogram of their counts"
            }
        }
        return [.heading(column, level: 4), .charts(charts, caption: caption)]
    }
}
