import ReportKit

/// One table's summary, as files: `summaries/{table}/summary.csv` (one row per column),
/// `summaries/{table}/profile.json` (the same figures with their bounds), and
/// `summaries/{table}/{column}.csv` value counts for each column the options do not exclude.
///
/// Names become key segments through ``NameSegment`` (reversibly encoded; an empty or
/// overlong name is refused).
public struct TableSummary: Sendable, Hashable {
    /// The table's name in the report.
    public var table: String
    public var profile: TableProfile
    /// The columns that get a value-count file, in column order.
    public var countedColumns: [String]
    /// Columns with a declared type that the table does not have.
    public var absentDeclarations: [String]

    public init(table: String, profile: TableProfile, options: TableSummaryOptions, absentDeclarations: [String] = []) {
        self.table = table
        self.profile = profile
        self.countedColumns = profile.columns.map(\.name).filter(options.countsValues(of:))
        self.absentDeclarations = absentDeclarations
    }

    /// The folder of a table's files, inside the report's folder.
    public static func folder(of table: String) throws -> ObjectKey {
        try ObjectKey("summaries/" + NameSegment(table, role: .table).segment)
    }

    /// The files, in order: `summary.csv`, `profile.json`, then the value counts in column order.
    public func files() throws -> [ReportFile] {
        let folder = try Self.folder(of: table)
        var seen: Set<String> = []
        for column in profile.columns where !seen.insert(column.name).inserted {
            throw TableSummaryError("the table '\(table)' has two columns named '\(column.name)': their value counts would be one file")
        }
        var files = [
            ReportFile(path: try folder.appending("summary.csv"), contentType: .csv, bytes: Array(summaryCSV.utf8)),
            ReportFile(path: try folder.appending("profile.json"), contentType: .json, bytes: Array((JSONWriter.canonical(json) + "\n").utf8)),
        ]
        for column in profile.columns where countedColumns.contains(column.name) {
            let segment = try NameSegment(column.name, role: .column).segment
            files.append(ReportFile(path: try folder.appending(segment + ".csv"), contentType: .csv, bytes: Self.valueCountBytes(column.valueCounts)))
        }
        return files
    }

    /// A `{column}.csv` file, written row by row (a column may have millions of values).
    static func valueCountBytes(_ counts: ValueCounts) -> [UInt8] {
        var writer = CSVWriter()
        writer.write(ValueCounts.header)
        let mark = counts.countsAreExact ? "" : "~"
        for entry in counts.entries { writer.write([entry.value.description, mark + String(entry.count)]) }
        return writer.bytes
    }

    /// `summary.csv`: the tidy header, then one row per column.
    public var summaryCSV: String {
        CSVWriter.text([TableProfile.summaryHeader] + profile.summaryRows)
    }

    /// `profile.json`: the table's name, the profile, the columns with value-count files, and
    /// (`declared_absent`, when there are any) the declared columns the table lacks.
    public var json: JSONValue {
        guard case .object(var object) = profile.json else { return profile.json }
        object["table"] = .string(table)
        object["value_count_columns"] = .array(countedColumns.map(JSONValue.string))
        if !absentDeclarations.isEmpty { object["declared_absent"] = .array(absentDeclarations.map(JSONValue.string)) }
        return .object(object)
    }
}
