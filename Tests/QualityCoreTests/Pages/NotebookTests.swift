import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Notebooks")
struct NotebookTests {
    static func fixture() throws -> [UInt8] {
        [UInt8](try FixturePaths.data("pages/every-output.ipynb"))
    }

    @Test("the fixture notebook reads with every cell and output type")
    func reads() throws {
        let notebook = try Notebook(bytes: try Self.fixture())
        #expect(notebook.cells.map(\.kind) == [.markdown, .code, .code, .code, .code, .code, .code, .raw])
        let outputs = notebook.cells.flatMap(\.outputs)
        #expect(outputs.count == 7)
        #expect(outputs.first == .stream(name: "stdout", text: "hello\n"))
        guard case .error(let name, _, let traceback) = outputs.last else { Issue.record("no error output"); return }
        #expect(name == "ZeroDivisionError" && traceback.count == 4)
    }

    @Test("a written notebook reads back the same")
    func roundTrip() throws {
        let notebook = try Notebook(bytes: try Self.fixture())
        #expect(try Notebook(bytes: notebook.bytes) == notebook)
    }

    @Test("what is not a version 4 notebook is refused, naming the field", arguments: [
        (#"{"nbformat": 3, "cells": []}"#, "notebook: nbformat: only version 4 notebooks are read"),
        (#"{"nbformat": 4}"#, "notebook: cells: missing or not an array"),
        (#"{"nbformat": 4, "cells": [{"cell_type": "picture", "source": ""}]}"#, "notebook: cells[0].cell_type: missing or not markdown, code or raw"),
        (#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "display_data"}]}]}"#, "notebook: cells[0].outputs[0].data: missing or not an object"),
    ])
    func refused(_ text: String, _ message: String) {
        #expect(throws: NotebookError(String(message.dropFirst("notebook: ".count)))) { try Notebook(bytes: Array(text.utf8)) }
    }

    @Test("the notebook kind renders every output type and keeps the notebook beside the page")
    func notebookKind() throws {
        let result = try NotebookReport.result(notebook: try Self.fixture(), title: "Weekly", day: try CalendarDay("2024-03-15"))
        #expect(result.files.map(\.path) == ["report.html", "report.ipynb"])
        #expect(result.files[1].bytes == (try Self.fixture()))
        #expect(result.status == .warn)
        #expect(result.headline == [Headline(name: "cells", value: 8), Headline(name: "errors", value: 1)])
        let page = String(decoding: result.files[0].bytes, as: UTF8.self)
        #expect(page.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"))
        #expect(page.contains("<img src=\"data:image/svg+xml;base64,"))
        #expect(page.contains("<iframe sandbox=\"\" srcdoc=\"&lt;table&gt;"))
        #expect(page.contains("ZeroDivisionError: division by zero") && !page.contains("\u{1B}") && !page.contains("[0;31m"))
        #expect(page.contains("<pre class=\"output stderr\">careful\n</pre>"))
        #expect(page.contains("<pre>42</pre>"))
        #expect(!page.lowercased().contains("<script") && !page.contains("<img src=x"))
        #expect(page.contains("<a href=\"./report.ipynb\" download=\"report.ipynb\">"))
    }

    @Test("the notebook kind reads the path its entry names")
    func notebookEntry() async throws {
        let yaml = "reports:\n  - name: Weekly notebook\n    kind: notebook\n    notebook: notebooks/weekly.ipynb\n"
        let registry = try ReportRegistry.parse(Array(yaml.utf8), file: "reports.yaml", base: ".", customKinds: [NotebookReport.kind])
        let entry = try #require(registry.reports.first)
        let fixture = try Self.fixture()
        let report = NotebookReport { path in
            #expect(path == "notebooks/weekly.ipynb")
            return fixture
        }
        let context = ReportContext(day: try CalendarDay("2024-03-15"), now: Date(timeIntervalSince1970: 0), registry: registry, tables: UnusedTables(), history: UnusedHistory())
        let result = try await report.run(entry, context: context)
        #expect(result.files.count == 2)
        let broken = NotebookReport { _ in Array("{}".utf8) }
        await #expect(throws: NotebookError("notebooks/weekly.ipynb: nbformat: only version 4 notebooks are read")) { try await broken.run(entry, context: context) }
    }

    @Test("Markdown cells: headings, emphasis, code, safe links, lists, tables; raw HTML as text")
    func markdown() throws {
        let html = try HTML.fragment(MarkdownSubset.html("""
            # Title *here*
            Text with **bold**, _em_, `x<y`, [ok](https://example.org/a?b=1) and [bad](javascript:alert(1)).
            <img src=x onerror=alert(1)>

            - one
            - two

            1. first

            | a | b |
            |---|--:|
            | 1 | <b>2</b> |

            ```
            </script>
            ```
            > quoted
            """)).render()
        #expect(html == "<h1>Title <em>here</em></h1><p>Text with <strong>bold</strong>, <em>em</em>, <code>x&lt;y</code>, "
            + "<a href=\"https://example.org/a?b=1\" rel=\"noopener noreferrer\">ok</a> and bad.\n&lt;img src=x onerror=alert(1)&gt;</p>"
            + "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
            + "<div class=\"scroll\"><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>&lt;b&gt;2&lt;/b&gt;</td></tr></tbody></table></div>"
            + "<pre><code>&lt;/script&gt;</code></pre><blockquote><p>quoted</p></blockquote>")
    }

    @Test("terminal escapes are stripped from tracebacks")
    func ansi() {
        #expect(ANSIText.stripped("\u{1B}[0;31mError\u{1B}[0m: x\u{1B}[38;5;241m1\u{1B}[39m") == "Error: x1")
        #expect(ANSIText.stripped("\u{1B}]8;;https://x\u{07}link\u{1B}]8;;\u{07} ok\u{07}\n") == "link ok\n")
        #expect(ANSIText.stripped("tab\tkept\r\n") == "tab\tkept\r\n")
    }

    @Test("text from data is inert in the notebook's Markdown")
    func markdownEscape() {
        #expect(ReportNotebook.escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert\\(1\\)&gt;")
        #expect(ReportNotebook.escape("*a* [b](c)") == "\\*a\\* \\[b\\]\\(c\\)")
    }
}

/// A table opener the notebook kind must not use.
struct UnusedTables: TableOpener {
    func open(_ spec: TableSourceSpec, name: String) async throws -> any TableSource {
        Issue.record("the notebook kind opened a table")
        throw NotebookError("unused")
    }

    func query(_ query: String, on source: DataSource) async throws -> any TableSource {
        Issue.record("the notebook kind ran a query")
        throw NotebookError("unused")
    }
}

/// A run history the notebook kind must not read.
struct UnusedHistory: RunHistory {
    func manifests(before day: CalendarDay, limit: Int) async throws -> [RunManifest] {
        Issue.record("the notebook kind read the history")
        return []
    }

    func file(_ path: ObjectKey, folder: ReportFolder, day: CalendarDay) async throws -> [UInt8]? {
        Issue.record("the notebook kind read a file")
        return nil
    }
}
