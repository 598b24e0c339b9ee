import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// The fixture store's pages, notebooks, manifests and viewer, byte for byte, against
/// `Fixtures/pages/store/` (re-recorded with RECORD_GOLDENS=1). The browser tests and the
/// `reportcli viewer` test read that committed store.
@Suite("Report pages: goldens")
struct PagesGoldenTests {
    @Test("every file of the fixture store equals its golden")
    func goldens() throws {
        let store = try PagesFixture.shared()
        #expect(store.count > 30)
        var mismatches: [String] = []
        for key in store.keys.sorted() {
            if let mismatch = try GoldenFile.mismatch(String(decoding: store[key]!.bytes, as: UTF8.self), golden: "pages/store/\(key)") {
                mismatches.append(mismatch)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).joined(separator: "\n"))")
    }

    @Test("the fixture store is made twice the same (byte-stable)")
    func stable() throws {
        let first = try PagesFixture.shared()
        let second = try PagesFixture.store()
        #expect(first.keys.sorted() == second.keys.sorted())
        for key in first.keys { #expect(first[key]!.bytes == second[key]!.bytes, "\(key)") }
    }

    @Test("every report of every run has report.html and report.ipynb with their content types")
    func pagesForEveryReport() throws {
        let store = try PagesFixture.shared()
        for day in PagesFixture.days {
            let folder = day.replacingOccurrences(of: "-", with: "") + "-reports"
            let manifest = try JSONReader.parse(store["\(folder)/index.json"]!.bytes)
            for report in manifest["reports"]?.arrayValue ?? [] {
                let base = "\(folder)/\(report["folder"]!.stringValue!)/"
                #expect(store[base + "report.html"]?.type == .html, "\(base)")
                #expect(store[base + "report.ipynb"]?.type == .notebook, "\(base)")
                let listed = report["files"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
                #expect(listed.contains("report.html") && listed.contains("report.ipynb"), "\(base)")
            }
        }
    }
}
