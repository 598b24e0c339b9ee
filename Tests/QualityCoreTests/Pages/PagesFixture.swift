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

    /// The store, made once for the tests that only read it.
    static let made = Result { try store() }

    /// ``made``'s objects.
    static func shared() throws -> [String: (bytes: [UInt8], type: ContentType)] {
        try made.get()
    }

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
            objects["\(folder(day))/index.json"] = (manifest.bytes, .json)
            manifests.append(manifest)
        }
        let index = RunsIndex(runs: manifests.reversed().map { RunsIndex.Entry($0) })
        objects["runs.json"] = (index.bytes, .json)
        var details: [CalendarDay: JSONValue] = [:]
        for manifest in manifests { details[manifest.day] = manifest.json }
        let viewer = ViewerData(title: title, index: index, manifests: details)
        objects["index.html"] = (try ViewerPage.render(viewer), .html)
        return objects
    }

    /// Writes the store under `directory`.
    static func write(to directory: URL) throws {
        for (key, object) in try shared() {
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
            // A name with '/' as its key segment encodes it (NameSegment): <%2Fscript>….csv.
            try file("summaries/\(img)/\(try NameSegment(script, role: .column).segment).csv", csv([["value", "count"], [script, "2"], ["plain", "1"]])),
        ]
        reports.append((ManifestReport(
            name: "Table Summary", folder: try ReportFolder(reportName: "Table Summary"), kind: .tableSummary, status: .ok, seconds: 0.4,
            files: [], attachments: [], request: request,
            headline: [Headline(name: "rows participant", value: Double(ages.count)), Headline(name: "rows \(img)", value: 3)]), summary))
        // Change report.
        var changes: JSONObject = [
            "date": .string(days[index]), "previous": index == 0 ? .null : .string(days[index - 1]),
            "changes": .number(Double(8 + index)), "columns_changed": 2, "columns_compared": 6,
            "added_tables": [], "removed_tables": [.string(script)],
            "tables": [[
                "table": "biospecimen", "changes": .number(Double(8 + index)),
                "columns_compared": ["biospecimen_id", "participant_id", "composition", "volume_ul", "visible", "consent_code"],
                "columns_changed": ["composition", "consent_code"], "added_columns": ["analyte_type"], "removed_columns": ["shipped_on"], "partial_columns": [],
            ]],
        ]
        if index == 0 { changes["note"] = "nothing to compare with: no earlier run in the store has this report's summaries" }
        let changeFiles = [
            try file("changes.json", Array((JSONWriter.canonical(.object(changes)) + "\n").utf8), .json),
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
        let checks: JSONValue = [
            "checks_file": "checks/orders.yml", "status": .string(outcome), "summary": .string("3 checks: 2 passed, \(outcome == "pass" ? 1 : 0) more passed or not"),
            "counts": ["pass": .number(outcome == "pass" ? 3 : 2), "warn": .number(outcome == "warn" ? 1 : 0), "fail": .number(outcome == "fail" ? 1 : 0), "error": 0],
            "checks": [
                ["check": "row_count > 0", "dataset": "orders", "line": 2, "column": 5, "outcome": "pass", "value": 12, "threshold": "> 0"],
                ["check": "missing_count(email) = 0", "dataset": "customers", "line": 4, "column": 5, "outcome": .string(outcome), "value": .number(Double(index)),
                 "threshold": ["fail": "> 1", "warn": "> 0"],
                 "failed_rows": [["row": 7, "line": 8, "values": ["id": 7, "email": .null]], ["row": 9, "line": 10, "values": ["id": 9, "email": .string(img)]]]],
                ["check": "duplicate_count(id) = 0", "dataset": .string(script), "line": 7, "column": 5, "outcome": "pass", "value": 0, "threshold": "= 0", "name": .string(img)],
            ],
        ]
        let status: ReportStatus = [.ok, .warn, .failed][index]
        reports.append((ManifestReport(
            name: "Orders checks", folder: try ReportFolder(reportName: "Orders checks"), kind: .checks, status: status, seconds: 0.1,
            files: [], attachments: [], request: nil,
            headline: [Headline(name: "checks failed", value: Double(index == 2 ? 1 : 0)), Headline(name: "checks warned", value: Double(index == 1 ? 1 : 0))]),
            [try file("checks/results.json", Array((JSONWriter.canonical(checks) + "\n").utf8), .json)]))
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
