import Foundation
import ReportKit

/// A report's `report.ipynb`: the same blocks as its page, as nbformat 4.5 cells. A first
/// code cell loads the report's CSV files with pandas; headings, numbers and text are
/// Markdown cells; tables and charts are `display_data` outputs (`text/html` and
/// `text/plain` tables, `image/svg+xml` charts) of source-less code cells.
public enum ReportNotebook {
    public static func notebook(_ view: ReportView) -> Notebook {
        var cells: [Notebook.Cell] = []
        var markdown: [String] = ["# " + escape(view.title), "\(escape(view.kind.name)) report of \(view.day), status **\(view.status.rawValue)**."]
        func nextID() -> String { "cell-\(cells.count + 1)" }
        func flush() {
            if !markdown.isEmpty { cells.append(.init(kind: .markdown, id: nextID(), source: markdown.joined(separator: "\n\n"))) }
            markdown = []
        }
        flush()
        cells.append(.init(kind: .code, id: nextID(), source: loader(view.csvFiles)))
        for block in view.blocks {
            switch block {
            case let .heading(text, level, _):
                markdown.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + escape(text))
            case .paragraph(let text):
                markdown.append(escape(text))
            case .problem(let text):
                markdown.append("> **Problem:** " + escape(text))
            case .facts(let facts):
                markdown.append(facts.map { "- **\(escape($0.name))**: \(escape($0.value))" }.joined(separator: "\n"))
            case .files(let links):
                markdown.append(links.map { "- [\(escape($0.path.description))](\(FileLinkPath.href($0.path)))" }.joined(separator: "\n"))
            case .table(let table):
                flush()
                let html = (try? table.html.render()) ?? ""
                cells.append(.init(kind: .code, id: nextID(), source: "", outputs: [.displayData([
                    .init(mimeType: "text/html", text: html), .init(mimeType: "text/plain", text: plain(table)),
                ])]))
            case let .charts(charts, caption):
                flush()
                let outputs = charts.map { chart in
                    Notebook.Output.displayData([.init(mimeType: "image/svg+xml", text: (try? chart.render()) ?? ""), .init(mimeType: "text/plain", text: caption)])
                }
                cells.append(.init(kind: .code, id: nextID(), source: "", outputs: outputs))
                markdown.append("*" + escape(caption) + "*")
            }
        }
        flush()
        return Notebook(cells: cells)
    }

    /// The first cell: every CSV of the report in a dict of DataFrames, keyed by path.
    static func loader(_ paths: [ObjectKey]) -> String {
        var lines = [
            "# The report's CSV files as pandas DataFrames, keyed by their path in the report's folder.",
            "# Run this notebook from that folder (download its files beside it).",
            "import pandas as pd",
            "",
            "frames = {}",
        ]
        for path in paths {
            let literal = JSONWriter.compact(.string(path.description))
            lines.append("frames[\(literal)] = pd.read_csv(\(literal), keep_default_na=False, na_values=[\"\"])")
        }
        lines.append("list(frames)")
        return lines.joined(separator: "\n")
    }

    /// A table as aligned plain text.
    static func plain(_ table: PageTable) -> String {
        let all = [table.header] + table.rows
        let widths = (0..<(all.map(\.count).max() ?? 0)).map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        let lines = all.map { row in
            row.enumerated().map { index, cell in cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([table.caption] + lines).joined(separator: "\n")
    }

    /// Text from data made inert in Markdown: HTML characters as entities, Markdown's
    /// punctuation behind a backslash, line breaks as spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r": out += " "
            case "\\", "`", "*", "_", "[", "]", "{", "}", "(", ")", "#", "+", "-", "!", "|", "~", ".":
                out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
