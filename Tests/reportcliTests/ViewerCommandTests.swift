import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli viewer` on the committed fixture store (`Fixtures/pages/store/`, made by the
/// QualityCore page goldens): it writes the same index.html as the golden, from runs.json
/// and the manifests alone.
@Suite("reportcli viewer")
struct ViewerCommandTests {
    /// A copy of the fixture store without its index.html.
    static func store() throws -> (ScratchDirectory, URL) {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("store")
        try FileManager.default.copyItem(at: FixturePaths.fixture("pages/store"), to: store)
        try FileManager.default.removeItem(at: store.appendingPathComponent("index.html"))
        return (scratch, store)
    }

    @Test("writes index.html at the store's root, equal to the golden viewer")
    func writesTheViewer() throws {
        let (scratch, store) = try Self.store()
        _ = scratch
        let run = try ReportCLIProcess.run(["viewer", "--store", store.path, "--title", "Clinic reports"])
        #expect(run.status == 0, "\(run.stderr)")
        let output = try JSONReader.parse(run.stdout)
        #expect(output["runs"]?.intValue == 3)
        #expect(output["detailed"]?.intValue == 3)
        #expect(output["index"]?.stringValue == "index.html")
        let written = try String(contentsOf: store.appendingPathComponent("index.html"), encoding: .utf8)
        let mismatch = GoldenFile.difference(written, try FixturePaths.text("pages/store/index.html"), name: "index.html")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("a run whose manifest is missing is shown without details, with a warning")
    func missingManifest() throws {
        let (scratch, store) = try Self.store()
        _ = scratch
        try FileManager.default.removeItem(at: store.appendingPathComponent("20240313-reports/index.json"))
        let run = try ReportCLIProcess.run(["viewer", "--store", store.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("20240313-reports/index.json is listed in runs.json but missing"))
        #expect(try JSONReader.parse(run.stdout)["detailed"]?.intValue == 2)
    }

    @Test("a store without runs.json is a usage error (exit 2) and nothing is written")
    func noRunsIndex() throws {
        let scratch = try ScratchDirectory()
        let run = try ReportCLIProcess.run(["viewer", "--store", scratch.url.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("has no runs.json"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("index.html").path))
    }

    @Test("a runs.json that is not a runs index is bad input (exit 2), naming the field")
    func badRunsIndex() throws {
        let scratch = try ScratchDirectory()
        _ = try scratch.file("runs.json", #"{"runs": [{"date": "yesterday"}]}"#)
        let run = try ReportCLIProcess.run(["viewer", "--store", scratch.url.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("runs.json: runs[0].date: "), "\(run.stderr)")
    }
}

/// `reportcli run` on two days, then `reportcli viewer`: every report of both runs has its
/// page and notebook, the second day's trend draws both days, the notebook kind publishes a
/// notebook file, and the viewer embeds both runs.
@Suite("reportcli run, then reportcli viewer")
struct RunThenViewerTests {
    static let registry = """
        reports:
          - name: Table Summary
            kind: table-summary
            tables:
              biospecimen: biospecimen.csv
            change_report: true
          - name: Weekly notebook
            kind: notebook
            notebook: notebooks/weekly.ipynb

        """

    @Test("two runs and the viewer over them")
    func runsThenViewer() throws {
        let scratch = try ScratchDirectory()
        let reports = try scratch.file("reports.yaml", Self.registry)
        let store = scratch.url.appendingPathComponent("store")
        try FileManager.default.copyItem(at: FixturePaths.fixture("quality/data/biospecimen.csv"), to: scratch.url.appendingPathComponent("biospecimen.csv"))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FixturePaths.fixture("pages/every-output.ipynb"), to: scratch.url.appendingPathComponent("notebooks/weekly.ipynb"))
        for day in ["2024-03-14", "2024-03-15"] {
            let run = try ReportCLIProcess.run(["run", "--reports", reports, "--store", store.path, "--date", day, "--no-notify"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        for folder in ["20240314-reports", "20240315-reports"] {
            for report in ["Table_Summary", "Weekly_notebook"] {
                for name in ["report.html", "report.ipynb"] {
                    #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent("\(folder)/\(report)/\(name)").path), "\(folder)/\(report)/\(name)")
                }
            }
        }
        let notebook = try Data(contentsOf: store.appendingPathComponent("20240315-reports/Weekly_notebook/report.ipynb"))
        #expect(notebook == (try FixturePaths.data("pages/every-output.ipynb")))
        let page = try String(contentsOf: store.appendingPathComponent("20240315-reports/Table_Summary/report.html"), encoding: .utf8)
        #expect(page.contains("The last 2 runs, 2024-03-14 to 2024-03-15."))
        #expect(page.contains("Compared with the run of 2024-03-14."))
        let viewer = try ReportCLIProcess.run(["viewer", "--store", store.path])
        #expect(viewer.status == 0, "\(viewer.stderr)")
        #expect(try JSONReader.parse(viewer.stdout)["runs"]?.intValue == 2)
        let index = try String(contentsOf: store.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains(#"{"date":"2024-03-15","dir":"20240315-reports""#))
        #expect(index.contains(#""folder":"Weekly_notebook","kind":"notebook""#))

        // A third day with --viewer-title: the run rewrites the viewer itself, with the third run in it.
        let third = try ReportCLIProcess.run(["run", "--reports", reports, "--store", store.path, "--date", "2024-03-16", "--no-notify", "--viewer-title", "Nightly <reports>"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stderr.contains("viewer: index.html rewritten (3 runs)"), "\(third.stderr)")
        let refreshed = try String(contentsOf: store.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(refreshed.contains(#"{"date":"2024-03-16","dir":"20240316-reports""#))
        #expect(refreshed.contains("Nightly &lt;reports&gt;") && !refreshed.contains("Nightly <reports>"))
    }
}
