import Foundation
import QualityCore
import ReportKit

/// A table summary of one table with 200 columns (half numbers, half text), each with a
/// value-count file of 60 values: the size and rendering-time case of the pages.
enum WideFixture {
    static let columns = 200

    static func files() throws -> [ReportFile] {
        var summary: [[String]] = [TableProfile.summaryHeader]
        var files: [ReportFile] = []
        for column in 0..<columns {
            let name = "column_\(column)"
            let numeric = column % 2 == 0
            summary.append([name, numeric ? "number" : "text", "5000", "12", "60", numeric ? "17.5" : "value 0", "180",
                            numeric ? "251.25" : "", numeric ? "88.1" : "", numeric ? "0" : "", numeric ? "120" : "", numeric ? "250" : "",
                            numeric ? "380" : "", numeric ? "499.5" : ""])
            var counts: [[String]] = [["value", "count"]]
            for value in 0..<60 {
                counts.append([numeric ? String(Double(value * 37 % 500) + 0.5) : "value \(value) of \(name)", String(180 - value * 2)])
            }
            files.append(ReportFile(path: try ObjectKey("summaries/wide/\(name).csv"), contentType: .csv, bytes: Array(CSVWriter.text(counts).utf8)))
        }
        files.insert(ReportFile(path: "summaries/wide/summary.csv", contentType: .csv, bytes: Array(CSVWriter.text(summary).utf8)), at: 0)
        files.insert(ReportFile(path: "summaries/wide/profile.json", contentType: .json, bytes: Array(#"{"columns": [], "row_count": 5000}"#.utf8)), at: 1)
        return files
    }

    /// `report.html` and `report.ipynb` of the wide table's summary.
    static func pages() throws -> [ReportFile] {
        let day = try CalendarDay("2024-03-15")
        let report = ManifestReport(name: "Wide summary", folder: try ReportFolder(reportName: "Wide summary"), kind: .tableSummary, status: .ok, seconds: 3,
                                    files: [], attachments: [], request: nil, headline: [Headline(name: "rows wide", value: 5000)])
        return try ReportPages.files(for: report, day: day, files: try files(), history: [])
    }
}
