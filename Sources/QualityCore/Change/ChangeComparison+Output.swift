import ReportKit

extension ChangeComparison {
    /// `diffs/{table}/{column}.csv` for each compared column with a change (a column with
    /// none gets no file; `changes.json` lists it as compared), then `changes.json`.
    public func files() throws -> [ReportFile] {
        var files: [ReportFile] = []
        for table in tables {
            let folder = try ObjectKey("diffs/" + NameSegment(table.table, role: .table).segment)
            for column in table.compared where !column.changes.isEmpty {
                let rows = [ValueChange.header] + column.changes.map(\.row)
                let name = try NameSegment(column.column, role: .column).segment + ".csv"
                files.append(ReportFile(path: try folder.appending(name), contentType: .csv, bytes: Array(CSVWriter.text(rows).utf8)))
            }
        }
        files.append(ReportFile(path: "changes.json", contentType: .json, bytes: Array((JSONWriter.canonical(json) + "\n").utf8)))
        return files
    }

    /// `changes.json`: the days, the totals, the added and removed tables, and per table of
    /// both runs its compared, changed, added, removed and partial columns and its total.
    /// With nothing to compare with: `previous` is `null` and `note` says so.
    public var json: JSONValue {
        let names: ([String]) -> JSONValue = { .array($0.map(JSONValue.string)) }
        var object: JSONObject = [
            "date": .string(day.description),
            "previous": previousDay.map { .string($0.description) } ?? .null,
            "changes": .number(Double(total)),
            "columns_compared": .number(Double(columnsCompared)),
            "columns_changed": .number(Double(columnsChanged)),
            "added_tables": names(addedTables),
            "removed_tables": names(removedTables),
            "tables": .array(tables.map { table in
                .object([
                    "table": .string(table.table),
                    "columns_compared": names(table.compared.map(\.column)),
                    "columns_changed": names(table.changedColumns),
                    "changes": .number(Double(table.total)),
                    "added_columns": names(table.addedColumns),
                    "removed_columns": names(table.removedColumns),
                    "partial_columns": names(table.partialColumns),
                ])
            }),
        ]
        if previousDay == nil {
            object["note"] = .string("nothing to compare with: no earlier run in the store has this report's summaries")
        }
        return .object(object)
    }

    /// `There were *N* changes made across *k/n* columns since YYYY-MM-DD`, or `nil` when
    /// N is 0 or there was nothing to compare with (then nothing is sent).
    public var message: String? {
        guard let previousDay, total > 0 else { return nil }
        return "There were *\(total)* changes made across *\(columnsChanged)/\(columnsCompared)* columns since \(previousDay)"
    }

    /// The Slack attachment of ``message`` (the original's blue, a fallback without the
    /// `*`), with fields listing added and removed tables and columns; none without a message.
    public var attachments: [SlackAttachment] {
        guard let message else { return [] }
        var fields: [SlackAttachment.Field] = []
        func field(_ title: String, _ names: [String]) {
            if !names.isEmpty { fields.append(.init(title: title, value: names.joined(separator: ", "))) }
        }
        field("Added tables", addedTables)
        field("Removed tables", removedTables)
        field("Added columns", tables.flatMap { table in table.addedColumns.map { "\(table.table).\($0)" } })
        field("Removed columns", tables.flatMap { table in table.removedColumns.map { "\(table.table).\($0)" } })
        return [SlackAttachment(color: .info, text: message, fields: fields, fallback: message.filter { $0 != "*" })]
    }

    /// `changes` (N), when there was a run to compare with.
    public var headline: [Headline] {
        previousDay == nil ? [] : [Headline(name: "changes", value: Double(total))]
    }
}
