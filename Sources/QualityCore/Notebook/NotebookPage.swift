import Foundation
import ReportKit

/// A notebook as a self-contained page: Markdown cells through ``MarkdownSubset``, code
/// cells with their source and saved outputs (nothing is run). Images become `<img>` data
/// URLs, HTML outputs go in an `<iframe srcdoc>` whose sandbox allows no script, error
/// tracebacks lose their terminal colours.
public enum NotebookPage {
    public static func document(_ notebook: Notebook, title: String, day: CalendarDay?, download: ObjectKey?) -> HTMLDocument {
        var header: [HTML] = [.element("h1", text: title)]
        var line: [HTML] = [.text("Notebook" + (day.map { " of \($0)" } ?? ""))]
        if let download {
            line += [.text(" · "), .element("a", attributes: [.href(FileLinkPath.href(download)), HTMLAttribute("download", String(download.name))], text: "download \(download.name)")]
        }
        header.append(.element("p", attributes: [.class("muted")], line))
        let cells = notebook.cells.map { cell -> HTML in
            switch cell.kind {
            case .markdown:
                return .element("section", attributes: [.class("cell markdown")], MarkdownSubset.html(cell.source))
            case .raw:
                return .element("section", attributes: [.class("cell raw")], [.element("pre", text: cell.source)])
            case .code:
                var parts: [HTML] = []
                if !cell.source.isEmpty {
                    let prompt = "In [\(cell.executionCount.map(String.init) ?? " ")]:"
                    parts.append(.element("div", attributes: [.class("prompt")], text: prompt))
                    parts.append(.element("pre", attributes: [.class("source")], [.element("code", text: cell.source)]))
                }
                parts += cell.outputs.map(output)
                return .element("section", attributes: [.class("cell code")], parts)
            }
        }
        let body: [HTML] = [.element("header", header), .element("main", cells)]
        return HTMLDocument(title: title, contentSecurityPolicy: HTMLDocument.selfContainedPolicy, head: [.style(PageStyle.sheet), .style(style)], body: body)
    }

    /// The types an output is shown as, best first (as Jupyter picks them).
    static let preference = ["text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "text/markdown", "text/plain"]

    static func output(_ output: Notebook.Output) -> HTML {
        switch output {
        case let .stream(name, text):
            return .element("pre", attributes: [.class(name == "stderr" ? "output stderr" : "output")], text: ANSIText.stripped(text))
        case .displayData(let bundle), .executeResult(_, let bundle):
            for type in preference {
                guard let representation = bundle.first(where: { $0.mimeType == type }) else { continue }
                if let shown = show(representation) { return .element("div", attributes: [.class("output")], [shown]) }
            }
            let types = bundle.map(\.mimeType).joined(separator: ", ")
            return .element("p", attributes: [.class("output muted")], text: "(an output of a type this page does not show: \(types))")
        case let .error(name, value, traceback):
            let text = traceback.isEmpty ? "\(name): \(value)" : traceback.joined(separator: "\n")
            return .element("pre", attributes: [.class("output error"), HTMLAttribute("role", "alert")], text: ANSIText.stripped(text))
        }
    }

    static func show(_ representation: Notebook.Representation) -> HTML? {
        let text = representation.text
        switch representation.mimeType {
        case "text/html":
            let rows = text.components(separatedBy: "<tr").count + text.components(separatedBy: "<br").count + text.components(separatedBy: "<p").count
            let height = min(max(rows * 26 + 24, 60), 640)
            return .element("iframe", attributes: [
                HTMLAttribute("sandbox", ""), HTMLAttribute("srcdoc", text), HTMLAttribute("title", "HTML output"),
                HTMLAttribute("height", String(height)), .class("html-output"), HTMLAttribute("loading", "lazy"),
            ])
        case "image/svg+xml":
            return image("data:image/svg+xml;base64," + Data(text.utf8).base64EncodedString())
        case "image/png", "image/jpeg", "image/gif":
            let base64 = text.filter { !$0.isWhitespace }
            guard !base64.isEmpty, base64.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=") }) else { return nil }
            return image("data:\(representation.mimeType);base64," + base64)
        case "text/markdown":
            return .element("div", MarkdownSubset.html(text))
        default:
            return .element("pre", text: ANSIText.stripped(text))
        }
    }

    static func image(_ url: String) -> HTML {
        .element("img", attributes: [HTMLAttribute("src", url), HTMLAttribute("alt", "an image output of the notebook")])
    }

    static let style = StyleSheet(constant: """
        .cell{margin:10px 0}
        .prompt{color:var(--muted);font-size:12px;font-family:ui-monospace,monospace}
        pre{background:var(--card);padding:8px 10px;border-radius:4px;overflow-x:auto;white-space:pre-wrap;font:13px/1.4 ui-monospace,"DejaVu Sans Mono",monospace}
        pre.source{border-left:3px solid var(--link)}
        pre.stderr{border-left:3px solid #b7791f}
        pre.error{border-left:3px solid #c8553d}
        .output img{max-width:100%;height:auto;background:#fff}
        iframe.html-output{width:100%;border:1px solid var(--line);background:#fff}
        blockquote{border-left:3px solid var(--line);margin:0;padding-left:12px;color:var(--muted)}
        """)
}
