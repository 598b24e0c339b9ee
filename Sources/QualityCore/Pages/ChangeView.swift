import ReportKit

/// A change report's blocks: from `changes.json` the run compared with (or its note when there
/// was none), the totals and, per table, the columns compared and changed and its changes;
/// the added, removed and partly compared tables and columns; and
/// from `diffs/{table}/{column}.csv` (`value,count,previous_count,change`) a chart of each
/// changed column's values, increases and decreases apart.
enum ChangeView {
    static let shownValues = 15

    static func blocks(_ files: ReportFileSet) -> [PageBlock] {
        let changes = files.file("changes.json").flatMap(ReportFileSet.json)
        let diffTables = files.folders(under: "diffs")
        guard changes != nil || !diffTables.isEmpty else { return [] }
        var blocks: [PageBlock] = [.heading("Changes", level: 2, anchor: "changes")]
        if let changes {
            if let previous = changes.memberText("previous") {
                let note = changes.memberText("note") ?? "nothing to compare with: no earlier run has this report's summaries"
                blocks.append(.paragraph(previous.isEmpty ? "Nothing to compare with: " + note.replacingOccurrences(of: "nothing to compare with: ", with: "") + "." : "Compared with the run of \(previous)."))
            }
            if let total = changes["changes"]?.numberValue {
                blocks.append(.facts([
                    .init(name: "changes", value: ChartText.number(total)),
                    .init(name: "columns changed", value: changes.memberText("columns_changed") ?? ""),
                    .init(name: "columns compared", value: changes.memberText("columns_compared") ?? ""),
                ]))
            }
            let rows = tableRows(changes["tables"])
            if !rows.isEmpty {
                blocks.append(.table(PageTable(caption: "Changes per table", header: ["table", "columns compared", "columns changed", "total changes"], rows: rows, numericColumns: [1, 2, 3])))
            }
            var shape: [[String]] = []
            for (key, what) in [("added_tables", "table added"), ("removed_tables", "table removed")] {
                for name in names(changes[key]) { shape.append([what, name]) }
            }
            for (table, entry) in tableEntries(changes["tables"]) {
                for (key, what) in [("added_columns", "column added"), ("removed_columns", "column removed"), ("partial_columns", "column compared in part")] {
                    for name in names(entry[key]) { shape.append([what, "\(table).\(name)"]) }
                }
            }
            for (key, what) in [("added_columns", "column added"), ("removed_columns", "column removed")] {
                for name in names(changes[key]) { shape.append([what, name]) }
            }
            if !shape.isEmpty {
                blocks.append(.table(PageTable(caption: "Tables and columns added or removed", header: ["change", "name"], rows: shape)))
            }
        }
        for (tableIndex, folder) in diffTables.enumerated() {
            let table = NameSegment.decode(folder) ?? folder
            var tableBlocks: [PageBlock] = []
            for (columnIndex, file) in files.under("diffs/\(folder)/").enumerated() where file.path.name.hasSuffix(".csv") {
                guard let records = ReportFileSet.csv(file), let header = records.first,
                      let valueAt = header.firstIndex(of: "value"), let changeAt = header.firstIndex(of: "change") else { continue }
                let segment = String(file.path.name.dropLast(4))
                let column = NameSegment.decode(segment) ?? segment
                let bars = records.dropFirst().compactMap { row -> ChangeChart.Bar? in
                    guard row.count > max(valueAt, changeAt), let change = Double(row[changeAt]), change != 0 else { return nil }
                    return ChangeChart.Bar(label: row[valueAt], change: change)
                }
                guard !bars.isEmpty else { continue }
                let shown = Array(bars.sorted { abs($0.change) > abs($1.change) }.prefix(shownValues))
                let up = bars.filter { $0.change > 0 }.reduce(0) { $0 + $1.change }
                let down = bars.filter { $0.change < 0 }.reduce(0) { $0 + $1.change }
                let caption = "\(bars.count) values changed: \(ChartText.signed(up)) and \(ChartText.signed(down))" + (bars.count > shown.count ? "; the \(shown.count) largest shown" : "")
                tableBlocks.append(.heading(column, level: 4))
                tableBlocks.append(.charts([ChangeChart(title: "Changes in \(table).\(column)", bars: shown).svg(id: "d\(tableIndex + 1)c\(columnIndex + 1)")], caption: caption))
            }
            if !tableBlocks.isEmpty { blocks += [.heading(table, level: 3)] + tableBlocks }
        }
        return blocks
    }

    /// The per-table entries, whether `tables` is an array (`{"table": …}`) or an object keyed by table.
    static func tableEntries(_ tables: JSONValue?) -> [(String, JSONValue)] {
        if let object = tables?.objectValue { return object.map { ($0.key, $0.value) } }
        return (tables?.arrayValue ?? []).map { ($0.memberText("table") ?? $0.memberText("name") ?? "", $0) }
    }

    /// Rows of the per-table figures (a list of columns counts as its length).
    static func tableRows(_ tables: JSONValue?) -> [[String]] {
        tableEntries(tables).map { name, value in
            [name, figure(value, ["columns_compared", "compared"]), figure(value, ["columns_changed", "changed"]), figure(value, ["total_changes", "total", "changes"])]
        }
    }

    private static func figure(_ value: JSONValue, _ keys: [String]) -> String {
        for key in keys {
            guard let member = value[key] else { continue }
            if let list = member.arrayValue { return String(list.count) }
            return member.cellText
        }
        return ""
    }

    /// `["a", "b"]`, `[{"table": "t", "column": "c"}]` or `{"t": ["c"]}` as names (`t.c`).
    static func names(_ value: JSONValue?) -> [String] {
        if let array = value?.arrayValue {
            return array.map { element in
                if let text = element.stringValue { return text }
                let table = element.memberText("table") ?? ""
                let column = element.memberText("column") ?? element.memberText("name") ?? ""
                return table.isEmpty ? column : column.isEmpty ? table : "\(table).\(column)"
            }
        }
        if let object = value?.objectValue {
            return object.flatMap { member in names(member.value).map { "\(member.key).\($0)" } }
        }
        return []
    }
}
