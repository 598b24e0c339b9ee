import ReportKit

/// A checks report's blocks, from every JSON file holding a `checks` array (`reportcli
/// check`'s results): its summary, counts per outcome, a result table with pass/warn/fail/
/// error badges, and the sample failing rows a check kept (`failed_rows`).
enum ChecksView {
    static func blocks(_ files: ReportFileSet) -> [PageBlock] {
        var blocks: [PageBlock] = []
        for file in files.files where file.path.name.hasSuffix(".json") {
            guard let results = ReportFileSet.json(file), let checks = results["checks"]?.arrayValue else { continue }
            if blocks.isEmpty { blocks.append(.heading("Checks", level: 2, anchor: "checks")) }
            if let summary = results.memberText("summary") { blocks.append(.paragraph(summary)) }
            var tally: [String: Int] = [:]
            var rows: [[String]] = []
            var samples: [PageBlock] = []
            for (index, check) in checks.enumerated() {
                let outcome = check.memberText("outcome") ?? check.memberText("status") ?? ""
                tally[outcome, default: 0] += 1
                let name = check.memberText("name") ?? check.memberText("check") ?? "check \(index + 1)"
                let threshold = check["threshold"].map { $0.objectValue.map { object in object.map { "\($0.key) \($0.value.cellText)" }.joined(separator: ", ") } ?? $0.cellText } ?? ""
                rows.append([check.memberText("dataset") ?? check.memberText("table") ?? "", name, outcome, check.memberText("value") ?? "", threshold, check.memberText("reason") ?? "", check.memberText("line") ?? ""])
                if let sample = sampleTable(check, name: name) { samples.append(.table(sample)) }
            }
            let order = ["pass", "warn", "fail", "error"]
            let keys = order.filter { tally[$0] != nil } + tally.keys.filter { !order.contains($0) }.sorted()
            blocks.append(.facts(keys.map { PageBlock.Fact(name: $0.isEmpty ? "no outcome" : $0, value: String(tally[$0] ?? 0)) }))
            blocks.append(.table(PageTable(caption: "Results of \(file.path.description)", header: ["table", "check", "outcome", "value", "threshold", "reason", "line"], rows: rows, numericColumns: [3, 6], statusColumn: 2)))
            if !samples.isEmpty { blocks += [.heading("Sample failing rows", level: 3)] + samples }
        }
        return blocks
    }

    /// The failing rows a check kept: objects (one per row) or arrays with a `columns` list.
    static func sampleTable(_ check: JSONValue, name: String) -> PageTable? {
        let keys = ["failed_rows", "failing_rows", "sample_rows", "samples", "failed_rows_sample"]
        guard let found = keys.lazy.compactMap({ check[$0] }).first else { return nil }
        let holder = found.objectValue != nil ? found : JSONValue.object(["rows": found])
        guard let rows = holder["rows"]?.arrayValue, !rows.isEmpty else { return nil }
        // `{"row": 7, "line": 8, "values": {"id": 7, "email": null}}` per row.
        if rows.allSatisfy({ $0["values"]?.objectValue != nil }) {
            var keys: [String] = []
            for row in rows { for key in row["values"]!.objectValue!.keys where !keys.contains(key) { keys.append(key) } }
            let header = ["row"] + keys
            return PageTable(caption: "Failing rows of \(name)", header: header, rows: rows.map { row in
                [row.memberText("row") ?? ""] + keys.map { row["values"]?.memberText($0) ?? "" }
            }, numericColumns: [0])
        }
        if let first = rows.first?.objectValue {
            let header = first.keys
            return PageTable(caption: "Failing rows of \(name)", header: header, rows: rows.map { row in header.map { row.memberText($0) ?? "" } })
        }
        let header = holder["columns"]?.arrayValue?.map(\.cellText) ?? []
        let cells = rows.map { ($0.arrayValue ?? [$0]).map(\.cellText) }
        let width = max(header.count, cells.map(\.count).max() ?? 0)
        let fullHeader = header + (header.count..<width).map { "column \($0 + 1)" }
        return PageTable(caption: "Failing rows of \(name)", header: fullHeader, rows: cells)
    }
}
