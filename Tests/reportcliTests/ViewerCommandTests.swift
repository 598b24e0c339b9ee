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
        #expect(run.stderr.contains("runs[0].date is missing or not YYYY-MM-DD"), "\(run.stderr)")
    }
}
