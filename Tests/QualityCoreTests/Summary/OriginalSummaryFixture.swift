import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport

/// `Fixtures/quality/summary/`: the tables, the types both sides read them with, and what
/// the original's summary and change reports wrote for them (`run_original.sh`).
enum OriginalSummaryFixture {
    /// The day's tables: (name, fixture path, declared types).
    static func tables(day: Int) -> [(String, String, [String: ColumnType])] {
        [
            ("samples", day == 1 ? "quality/summary/samples.csv" : "quality/summary/samples_day2.csv",
             ["consented": .boolean, "flagged": .boolean, "collected_on": .date, "received_at": .timestamp]),
            ("participant", "quality/data/participant.csv", ["enrolled_on": .date]),
            ("biospecimen", day == 1 ? "quality/data/biospecimen.csv" : "quality/data/day2/biospecimen.csv",
             day == 1 ? ["shipped_on": .date, "visible": .boolean] : ["visible": .boolean]),
        ]
    }

    /// The original's ignored columns.
    static let ignored = ["uuid", "created_at", "modified_at", "kf_id"]

    static func entry(day: Int, changeReport: Bool = false) throws -> ReportEntry {
        try SummaryFixture.entry(tables(day: day).map { ($0.0, $0.2) }, ignore: ignored, changeReport: changeReport)
    }

    /// The day's tables, read from the fixture files by ReportKit's CSV source.
    static func opener(day: Int) throws -> SummaryTables {
        var sources: [String: any TableSource] = [:]
        for (name, path, _) in tables(day: day) {
            let key = try ObjectKey(String(path.split(separator: "/").last!))
            let store = InMemoryObjectStore([key: try FixturePaths.data(path)])
            sources[name] = DelimitedTableSource(store: store, key: key, dialect: nil, displayName: path)
        }
        return SummaryTables(sources)
    }

    /// A file the original wrote: `expected/<relative>`.
    static func expected(_ relative: String) throws -> [[String]] {
        try CSVScanner.records([UInt8](FixturePaths.data("quality/summary/expected/" + relative)), file: relative)
    }

    static func expectedExists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: FixturePaths.fixture("quality/summary/expected/" + relative).path)
    }

    static func expectedFiles(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture("quality/summary/expected/" + folder).path).sorted()
    }

    /// The original's wide `summary.csv`: statistic → column → cell.
    static func wideSummary(day: Int, table: String) throws -> [String: [String: String]] {
        let records = try expected("day\(day)/summaries/\(table)/summary.csv")
        let columns = records[0].dropFirst()
        var figures: [String: [String: String]] = [:]
        for record in records.dropFirst() {
            for (column, cell) in zip(columns, record.dropFirst()) where !cell.isEmpty {
                figures[record[0], default: [:]][column] = cell
            }
        }
        return figures
    }

    /// A value as the original wrote it (pandas' typed value), in ReportKit's text:
    /// `True` → `true`, `76.0` in an integer column → `76`, a timestamp
    /// `2024-03-01 06:14:00` → `2024-03-01T06:14:00Z`, a date's `… 00:00:00` dropped.
    static func normalized(_ text: String, type: ColumnType) -> String {
        switch type {
        case .boolean: return text.lowercased()
        case .integer: return Double(text).map { String(Int64($0)) } ?? text
        case .number: return Double(text).map { $0 == 0 ? "0.0" : $0.description } ?? text
        case .date: return String(text.prefix(10))
        case .timestamp: return text.replacingOccurrences(of: " ", with: "T") + "Z"
        case .text: return text
        }
    }
}
