import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport

/// A reports store of three runs (2024-03-13 to 2024-03-15) made in memory with the real
/// pages, notebooks and viewer: a table summary, a change report, a checks report, a
/// report named like an attack, and a `notebook` report (the last two runs only). Strings
/// that would run script if they reached a page as markup stand in tables, columns and values.
enum PagesFixture {
    static let img = "<img src=x onerror=alert(1)>"
    static let script = "</script><script>alert(1)</script>"
    static let days = ["2024-03-13", "2024-03-14", "2024-03-15"]
    static let title = "Clinic reports"

    /// Every object of the store: key → bytes and content type.
    static func store() throws -> [String: (bytes: [UInt8], type: ContentType)] {
        var objects: [String: (bytes: [UInt8], type: ContentType)] = [:]
        var manifests: [RunManifest] = []
        for (index, text) in days.enumerated() {
            let day = try CalendarDay(text)
            var reports: [ManifestReport] = []
            for (draft, files) in try runReports(index, day: day) {
                let all = files + (try ReportPages.files(for: draft.with(files, day: day), day: day, files: files, history: manifests))
                let report = draft.with(all, day: day)
                for file in all {
                    objects["\(folder(day))/\(report.folder.name)/\(file.path)"] = (file.bytes, file.contentType)
                }
                reports.append(report)
            }
            let manifest = RunManifest(day: day, started: Date(timeIntervalSince1970: 1_710_288_000 + Double(index) * 86_400), seconds: 2.5, version: "0.1.0", reports: reports)
            objects["\(folder(day))/index.json"] = (Array((JSONWriter.canonical(FixtureJSON.manifest(manifest)) + "\n").utf8), .json)
            manifests.append(manifest)
        }
        let index = FixtureJSON.runsIndex(manifests.reversed())
        objects["runs.json"] = (Array((JSONWriter.canonical(index) + "\n").utf8), .json)
        var details: [String: JSONValue] = [:]
        for manifest in manifests { details[manifest.day.description] = FixtureJSON.manifest(manifest) }
        let viewer = try ViewerData(title: title, runsIndex: index, manifests: details)
        objects["index.html"] = (try ViewerPage.render(viewer), .html)
        return objects
    }

    /// Writes the store under `directory`.
    static func write(to directory: URL) throws {
        for (key, object) in try store() {
            let url = directory.appendingPathComponent(key)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(object.bytes).write(to: url)
        }
    }

    static func folder(_ day: CalendarDay) -> String {
        day.description.replacingOccurrences(of: "-", with: "") + "-reports"
    }

    static func csv(_ records: [[String]]) -> [UInt8] {
        Array(CSVWriter.text(records).utf8)
    }

    static func file(_ path: String, _ bytes: [UInt8], _ type: ContentType = .csv) throws -> ReportFile {
        ReportFile(path: try ObjectKey(path), contentType: type, bytes: bytes)
    }

    /// The reports of run `index` (0 = the oldest) with their files.
    static func runReports(_ index: Int, day: CalendarDay) throws -> [(ManifestReport, [ReportFile])] {
        var reports: [(ManifestReport, [ReportFile])] = []
        let request = ReportRequest(
            stakeholder: "Jane Doe", contact: try .init("jane@example.org"),
            source: RequestSource(name: "clinic follower", database: "clinic"), ticket: try .init("https://tracker.example.org/issues/12"),
            requested: try CalendarDay("2024-02-01"), reviewer: "Sam Lee")
        // Table summary: participant, and a table named like an attack.
        let ages = (0..<(28 + index)).map { 18 + ($0 * 7) % 53 }
        var summary: [ReportFile] = [
            try file("summaries/participant/summary.csv", csv([TableProfile.summaryHeader,
                ["participant_id", "text", "\(ages.count)", "0", "\(ages.count)", "PT_0001", "1", "", "", "", "", "", "", ""],
                ["sex", "text", "\(ages.count)", "0", "2", "Female", "\(ages.count / 2 + 1)", "", "", "", "", "", "", ""],
                ["age_at_enrollment", "integer", "\(ages.count)", "0", "\(Set(ages).count)", "18", "2", "44.5", "15.2", "18", "30", "44", "58", "70"],
                ["ethnicity", "text", "\(ages.count)", "0", "3", "Not Hispanic", "20", "", "", "", "", "", "", ""],
            ])),
            try file("summaries/participant/profile.json", Array(#"{"columns": [], "row_count": \#(ages.count)}"#.utf8), .json),
            try file("summaries/participant/sex.csv", csv([["value", "count"], ["Female", "\(ages.count / 2 + 1)"], ["Male", "\(ages.count - ages.count / 2 - 1)"]])),
            try file("summaries/participant/ethnicity.csv", csv([["value", "count"], ["Not Hispanic", "20"], ["Hispanic", "\(ages.count - 22)"], ["N/A", "2"]])),
        ]
        var ageCounts: [Int: Int] = [:]
        for age in ages { ageCounts[age, default: 0] += 1 }
        let ageRows = ageCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { [String($0.key), String($0.value)] }
        summary.append(try file("summaries/participant/age_at_enrollment.csv", csv([["value", "count"]] + ageRows)))
        summary += [
            try file("summaries/\(img)/summary.csv", csv([TableProfile.summaryHeader,
                [script, "text", "3", "0", "2", script, "2", "", "", "", "", "", "", ""],
                [img, "text", "3", "0", "2", img, "2", "", "", "", "", "", "", ""],
            ])),
            try file("summaries/\(img)/\(img).csv", csv([["value", "count"], [img, "2"], [script, "1"]])),
        ]
        reports.append((ManifestReport(
            name: "Table Summary", folder: try ReportFolder(reportName: "Table Summary"), kind: .tableSummary, status: .ok, seconds: 0.4,
            files: [], attachments: [], request: request,
            headline: [Headline(name: "rows participant", value: Double(ages.count)), Headline(name: "rows \(img)", value: 3)]), summary))
        // Change report.
        let previous = index == 0 ? "null" : "\"\(days[index - 1])\""
        let changes = """
            {"added_columns": [{"column": "analyte_type", "table": "biospecimen"}], "added_tables": [], "previous": \(previous),
             "removed_columns": [{"column": "shipped_on", "table": "biospecimen"}], "removed_tables": ["\(script)"],
             "tables": {"biospecimen": {"columns_changed": 2, "columns_compared": 6, "total_changes": \(8 + index)}}}
            """
        let changeFiles = [
            try file("changes.json", Array(changes.utf8), .json),
            try file("diffs/biospecimen/composition.csv", csv([["value", "count", "previous_count", "change"],
                ["Blood", "16", "\(11 - index)", "\(5 + index)"], ["Saliva", "4", "2", "2"], [img, "0", "1", "-1"]])),
            try file("diffs/biospecimen/consent_code.csv", csv([["value", "count", "previous_count", "change"], ["GRU", "30", "30", "0"], ["HMB", "8", "10", "-2"]])),
        ]
        reports.append((ManifestReport(
            name: "Daily Changes", folder: try ReportFolder(reportName: "Daily Changes"), kind: .changeReport, status: .ok, seconds: 0.2,
            files: [], attachments: [SlackAttachment(text: "There were *\(8 + index)* changes made across *2/6* columns")], request: request,
            headline: [Headline(name: "changes", value: Double(8 + index))]), changeFiles))
        // Checks.
        let outcome = ["pass", "warn", "fail"][index]
        let checks = """
            {"checks": [
              {"check": "row_count > 0", "column": null, "dataset": "orders", "name": "row_count > 0", "outcome": "pass", "value": 12},
              {"check": "missing_count(email) = 0", "column": "email", "dataset": "customers", "name": "missing_count(email) = 0", "outcome": "\(outcome)", "value": \(index),
               "failed_rows": {"columns": ["id", "email"], "rows": [[7, null], [9, "\(img.replacingOccurrences(of: "\"", with: "\\\""))"]]}},
              {"check": "duplicate_count(id) = 0", "column": "id", "dataset": "\(script)", "name": "duplicate_count(id) = 0", "outcome": "pass", "value": 0}
            ]}
            """
        let status: ReportStatus = [.ok, .warn, .failed][index]
        reports.append((ManifestReport(
            name: "Orders checks", folder: try ReportFolder(reportName: "Orders checks"), kind: .checks, status: status, seconds: 0.1,
            files: [], attachments: [], request: nil,
            headline: [Headline(name: "checks failed", value: Double(index == 2 ? 1 : 0)), Headline(name: "checks warned", value: Double(index == 1 ? 1 : 0))]),
            [try file("checks/results.json", Array(checks.utf8), .json)]))
        // A custom kind whose name and message are attacks.
        reports.append((ManifestReport(
            name: img, folder: try ReportFolder(reportName: "Hostile report"), kind: .custom("tickets"), status: index == 1 ? .failed : .ok, seconds: 0.01,
            error: index == 1 ? "tickets: \(script)" : nil, files: [],
            attachments: [SlackAttachment(title: script, text: img, fields: [.init(title: img, value: script)])], request: nil,
            headline: [Headline(name: script, value: Double(index))]),
            [try file("tickets \(img).txt", Array("open tickets: \(script)\n".utf8), .plainText)]))
        // The notebook kind, from the second run on.
        if index >= 1 {
            let bytes = [UInt8](try FixturePaths.data("pages/every-output.ipynb"))
            let result = try NotebookReport.result(notebook: bytes, title: "Weekly notebook", day: day)
            reports.append((ManifestReport(
                name: "Weekly notebook", folder: try ReportFolder(reportName: "Weekly notebook"), kind: .custom(NotebookReport.kind), status: result.status, seconds: 0.05,
                files: [], attachments: [], request: request, headline: result.headline), result.files))
        }
        return reports
    }
}

extension ManifestReport {
    /// The report with `files` recorded as the run records them.
    func with(_ files: [ReportFile], day: CalendarDay) -> ManifestReport {
        var report = self
        report.files = files.map { file in
            ManifestFile(key: try! ObjectKey("\(PagesFixture.folder(day))/\(folder.name)/\(file.path)"), path: file.path, contentType: file.contentType,
                         bytes: file.bytes.count, sha256: SHA256.hex(SHA256.hash(file.bytes)))
        }
        return report
    }
}

/// The manifest and runs-index JSON as their doc comments give it (the run writes the real
/// ones; this stands in until that lands on this branch).
enum FixtureJSON {
    static func manifest(_ manifest: RunManifest) -> JSONValue {
        .object([
            "date": .string(manifest.day.description), "seconds": .number(manifest.seconds), "version": .string(manifest.version),
            "started": .string(Timestamp.iso8601(manifest.started)), "delivery": .null,
            "reports": .array(manifest.reports.map { report in
                .object([
                    "name": .string(report.name), "folder": .string(report.folder.name), "kind": .string(report.kind.name),
                    "status": .string(report.status.rawValue), "seconds": .number(report.seconds), "error": report.error.map { .string($0) } ?? .null,
                    "files": .array(report.files.map { file in
                        .object(["key": .string(file.key.text), "path": .string(file.path.text), "content_type": .string(file.contentType.text),
                                 "bytes": .number(Double(file.bytes)), "sha256": .string(file.sha256)])
                    }),
                    "attachments": .array(report.attachments.map(\.json)),
                    "request": report.request?.json ?? .null,
                    "headline": .array(report.headline.map { .object(["name": .string($0.name), "value": .number($0.value)]) }),
                ])
            }),
        ])
    }

    static func runsIndex(_ manifests: [RunManifest]) -> JSONValue {
        .object(["runs": .array(manifests.map { manifest in
            let failed = manifest.reports.filter { $0.status == .failed }.count
            let warned = manifest.reports.filter { $0.status == .warn }.count
            return .object([
                "date": .string(manifest.day.description), "manifest": .string("\(PagesFixture.folder(manifest.day))/index.json"),
                "failed": .number(Double(failed)), "warned": .number(Double(warned)),
                "reports": .array(manifest.reports.map { .object(["name": .string($0.name), "folder": .string($0.folder.name), "kind": .string($0.kind.name), "status": .string($0.status.rawValue)]) }),
            ])
        })])
    }
}
