import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// What the pages, notebooks and viewer hold: strings from data only ever as escaped text,
/// nothing loaded from outside, and the page of a wide table small.
@Suite("Report pages: content")
struct PagesContentTests {
    static let attacks = [PagesFixture.img, PagesFixture.script]

    @Test("no report page has a script, a raw attack string or an external URL, and each has the CSP")
    func pagesAreInert() throws {
        let store = try PagesFixture.shared()
        let pages = store.filter { $0.key.hasSuffix("/report.html") }
        #expect(pages.count == 14)
        for (key, page) in pages {
            let text = String(decoding: page.bytes, as: UTF8.self)
            #expect(!text.lowercased().contains("<script"), "\(key)")
            #expect(!text.contains("<img src=x"), "\(key)")
            #expect(text.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;"#), "\(key)")
            #expect(!text.contains("src=\"http") && !text.contains("url(http") && !text.contains("@import"), "\(key)")
        }
        let summary = String(decoding: store["20240315-reports/Table_Summary/report.html"]!.bytes, as: UTF8.self)
        #expect(summary.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(summary.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("the viewer has exactly its own two scripts, the runs as script-safe JSON, and a hash CSP")
    func viewerIsInert() throws {
        let text = String(decoding: try PagesFixture.shared()["index.html"]!.bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "<script").count - 1 == 2)
        #expect(text.contains(#"<script type="application/json" id="reportkit-runs">"#))
        #expect(!text.contains("<img src=x") && !text.contains("</script><script>alert"))
        #expect(text.contains(#"\u003cimg src=x onerror=alert(1)\u003e"#))
        #expect(text.contains("script-src &#39;sha256-"))
        #expect(!text.contains("innerHTML") && !text.contains("insertAdjacentHTML") && !text.contains("document.write"))
    }

    @Test("the viewer's embedded JSON reads back as the runs, newest first, with details")
    func viewerData() throws {
        let text = String(decoding: try PagesFixture.shared()["index.html"]!.bytes, as: UTF8.self)
        let start = text.range(of: #"id="reportkit-runs">"#)!.upperBound
        let end = text[start...].range(of: "</script>")!.lowerBound
        let data = try JSONReader.parse(String(text[start..<end]))
        let runs = data["runs"]?.arrayValue ?? []
        #expect(runs.map { $0["date"]?.stringValue ?? "" } == ["2024-03-15", "2024-03-14", "2024-03-13"])
        #expect(runs.map { $0["failed"]?.intValue ?? -1 } == [1, 1, 0])
        let hostile = runs[0]["reports"]?.arrayValue?.first { $0["folder"]?.stringValue == "Hostile_report" }
        #expect(hostile?["name"]?.stringValue == PagesFixture.img)
        let summary = runs[0]["reports"]?.arrayValue?.first { $0["folder"]?.stringValue == "Table_Summary" }
        let request = summary?["details"]?["request"]?.arrayValue?.map { $0.arrayValue?.map(\.plainTextForTest) ?? [] }
        #expect(request?.contains(["contact", "jane@example.org"]) == true)
        #expect(request?.contains(["source", "clinic follower (database clinic)"]) == true)
    }

    @Test("a runs index that is not one is refused, naming the field", arguments: [
        (#"{"runs": 3}"#, "runs.json: runs: expected an array"),
        (#"{"runs": [{"date": "15.3.2024", "manifest": "a/index.json"}]}"#, "runs.json: runs[0].date: "),
        (#"{"runs": [{"date": "2024-03-15", "manifest": "a/index.json", "reports": [{"name": "x", "folder": "../up", "kind": "sql", "status": "ok"}]}]}"#,
         "runs.json: runs[0].reports[0].folder: "),
    ])
    func badRunsIndex(text: String, field: String) throws {
        let error = #expect(throws: RunRecordError.self) { try RunsIndex(bytes: Array(text.utf8)) }
        #expect(error?.description.contains(field) == true, "\(String(describing: error))")
    }

    @Test("the page of a 200-column table stays under 2 MB")
    func widePageSize() throws {
        let pages = try WideFixture.pages()
        let page = try #require(pages.first { $0.path == ReportPages.page })
        let notebook = try #require(pages.first { $0.path == ReportPages.notebook })
        print("wide page: \(page.bytes.count) bytes; notebook: \(notebook.bytes.count) bytes")
        #expect(page.bytes.count < 2_000_000)
        let text = String(decoding: page.bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "<svg").count - 1 == 301, "a trend and 300 column charts")
    }

    @Test("a report's own report.html or report.ipynb (the notebook kind's) is kept, not written again")
    func ownPagesKept() throws {
        let report = ManifestReport(name: "n", folder: try ReportFolder(reportName: "n"), kind: .custom("notebook"), status: .ok, seconds: 0, files: [], attachments: [], request: nil, headline: [])
        let own = [ReportFile(path: "report.html", contentType: .html, bytes: [1]), ReportFile(path: "report.ipynb", contentType: .notebook, bytes: [2])]
        #expect(try ReportPages.files(for: report, day: try CalendarDay("2024-03-15"), files: own, history: []).isEmpty)
        let made = try ReportPages.files(for: report, day: try CalendarDay("2024-03-15"), files: [own[1]], history: [])
        #expect(made.map(\.path) == ["report.html"])
    }

    @Test("links to files are relative, percent-encoded and never read as a scheme")
    func fileLinks() throws {
        #expect(FileLinkPath.href("summaries/a b/x#1?.csv") == "./summaries/a%20b/x%231%3F.csv")
        #expect(FileLinkPath.href("javascript:alert(1)") == "./javascript%3Aalert%281%29")
        #expect(FileLinkPath.href("Tromsø.csv") == "./Troms%C3%B8.csv")
    }
}

extension JSONValue {
    var plainTextForTest: String { stringValue ?? JSONWriter.compact(self) }
}
