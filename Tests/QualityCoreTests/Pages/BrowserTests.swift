import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// The tools `.ci/steps/chromium.sh` installs: the system Chromium and chromedriver, and a
/// venv with selenium and nbformat. Absent locally, their tests are skipped with a notice;
/// in CI (`REPORTKIT_CI=1`) their absence is a failure.
enum PagesTools {
    static var python: String? { ProcessInfo.processInfo.environment["REPORTKIT_PAGES_PYTHON"] }

    static var shouldRun: Bool {
        if python != nil || ProcessInfo.processInfo.environment["REPORTKIT_CI"] == "1" { return true }
        print("notice: REPORTKIT_PAGES_PYTHON is not set; skipping the browser and nbformat tests (source .ci/steps/chromium.sh)")
        return false
    }

    /// Runs the venv's python with `arguments` on a thread of its own (the browser test takes
    /// a minute; it must not hold one of the few threads the other tests' tasks run on); its
    /// stdout, or a failure with its stderr.
    static func run(_ arguments: [String], timeout: Double = 600) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try runBlocking(arguments, timeout: timeout) })
            }.start()
        }
    }

    static func runBlocking(_ arguments: [String], timeout: Double) throws -> String {
        guard let python else { throw PagesToolFailure(description: "REPORTKIT_PAGES_PYTHON is not set (source .ci/steps/chromium.sh)") }
        let outcome = try ProcessRunner.run(URL(fileURLWithPath: python), arguments, environment: .inherited(adding: ["SE_OFFLINE": "true"]), timeout: timeout)
        guard outcome.status == 0, !outcome.timedOut else {
            throw PagesToolFailure(description: "\(arguments.first ?? "python") failed (\(outcome.status)): \(outcome.stderrText.suffix(3000))")
        }
        return outcome.stdoutText
    }
}

struct PagesToolFailure: Error, CustomStringConvertible {
    var description: String
}

@Suite("Report pages and the viewer in headless Chromium", .serialized)
struct BrowserTests {
    /// Where the screenshots go: `.build/pages-browser/` in the package.
    static let screenshots = FixturePaths.packageRoot.appendingPathComponent(".build/pages-browser")

    @Test("the viewer and the pages work in Chromium; attack strings stay text; the wide page is fast", .enabled(if: PagesTools.shouldRun))
    func browser() async throws {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("store")
        try PagesFixture.write(to: store)
        let wide = scratch.url.appendingPathComponent("wide/report.html")
        try FileManager.default.createDirectory(at: wide.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(try WideFixture.pages().first { $0.path == ReportPages.page }!.bytes).write(to: wide)
        let script = FixturePaths.packageRoot.appendingPathComponent("Tests/Scripts/browser_check.py").path
        let output = try await PagesTools.run([script, store.path, Self.screenshots.path, wide.path])
        let report = try JSONReader.parse(output)
        let checks = report["checks"]?.arrayValue ?? []
        #expect(checks.count >= 30, "\(output.prefix(2000))")
        for check in checks {
            #expect(check["ok"]?.boolValue == true, "\(check["name"]?.stringValue ?? "?"): \(check["detail"]?.stringValue ?? "")")
        }
        print("browser figures: \(JSONWriter.compact(report["figures"] ?? .null))")
        for name in ["viewer-desktop", "viewer-phone", "report-desktop", "report-phone"] {
            #expect(FileManager.default.fileExists(atPath: Self.screenshots.appendingPathComponent("\(name).png").path), "\(name).png")
        }
    }

    @Test("nbformat.validate passes on every notebook ReportKit writes; every SVG chart is well-formed XML", .enabled(if: PagesTools.shouldRun))
    func notebooksValidate() async throws {
        let scratch = try ScratchDirectory()
        var written: [(String, [UInt8])] = try PagesFixture.shared().filter { $0.key.hasSuffix(".ipynb") }.map { ($0.key, $0.value.bytes) }
        written += try WideFixture.pages().filter { $0.path == ReportPages.notebook }.map { ("wide/report.ipynb", $0.bytes) }
        var paths: [String] = []
        for (index, (_, bytes)) in written.enumerated() {
            let path = scratch.url.appendingPathComponent("notebook-\(index).ipynb").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let check = """
            import sys, nbformat, xml.etree.ElementTree as ET
            svgs = 0
            for path in sys.argv[1:]:
                nb = nbformat.read(path, as_version=4)
                nbformat.validate(nb)
                assert (nb.nbformat, nb.nbformat_minor) == (4, 5), path
                for cell in nb.cells:
                    for output in cell.get("outputs", []):
                        svg = output.get("data", {}).get("image/svg+xml")
                        if svg:
                            ET.fromstring(svg if isinstance(svg, str) else "".join(svg))
                            svgs += 1
            print(len(sys.argv) - 1, svgs)
            """
        let output = try await PagesTools.run(["-c", check] + paths).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(output.first == written.count)
        #expect((output.last ?? 0) > 200, "SVG charts validated: \(output)")
    }

    @Test("the first cell of a report's notebook loads its CSV files with pandas")
    func notebookLoads() async throws {
        let store = try PagesFixture.shared()
        let notebook = try JSONReader.parse(store["20240315-reports/Table_Summary/report.ipynb"]!.bytes)
        let first = notebook["cells"]?.arrayValue?[1]
        #expect(first?["cell_type"]?.stringValue == "code")
        let source = first?["source"]?.stringValue ?? ""
        #expect(source.contains("import pandas as pd"))
        #expect(source.contains("pd.read_csv(\"summaries/participant/summary.csv\""))
        #expect(source.contains("pd.read_csv(\"summaries/<img src=x onerror=alert(1)>/<img src=x onerror=alert(1)>.csv\""))
        // Run it when pandas is at hand (.ci/steps/chromium.sh puts it in the pages venv).
        guard PagesTools.python != nil, (try? await PagesTools.run(["-c", "import pandas"])) != nil else {
            print("notice: no pandas in the pages venv; the loader cell was checked as text")
            return
        }
        let scratch = try ScratchDirectory()
        try PagesFixture.write(to: scratch.url)
        let folder = scratch.url.appendingPathComponent("20240315-reports/Table_Summary").path
        let output = try await PagesTools.run(["-c", "import os, sys; os.chdir(sys.argv[1]); exec(sys.argv[2]); print(len(frames), int(frames['summaries/participant/summary.csv'].shape[0]))", folder, source])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "7 4")
    }
}
