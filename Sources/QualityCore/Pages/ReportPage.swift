import ReportKit

/// A report's `report.html`: its ``ReportView`` as one self-contained page (inline CSS and
/// SVG, no script, a Content-Security-Policy forbidding every request), every string from
/// the report escaped by the markup writer.
public enum ReportPage {
    /// The page's bytes.
    public static func render(_ view: ReportView) throws(MarkupError) -> [UInt8] {
        try document(view).renderBytes()
    }

    public static func document(_ view: ReportView) -> HTMLDocument {
        var body: [HTML] = [
            .element("header", [
                .element("h1", text: view.title),
                .element("p", attributes: [.class("muted")], [
                    .text("\(view.kind.name) report of \(view.day) · "), badge(view.status.rawValue),
                ]),
            ]),
        ]
        let sections = view.blocks.compactMap { block -> HTML? in
            guard case .heading(let text, 2, let anchor?) = block else { return nil }
            return .element("li", [.element("a", attributes: [.href("#" + anchor)], text: text)])
        }
        if sections.count > 1 {
            body.append(.element("nav", attributes: [HTMLAttribute("aria-label", "sections")], [.element("ul", sections)]))
        }
        body.append(.element("main", view.blocks.map(html)))
        body.append(.element("footer", attributes: [.class("muted")], [.element("p", text: "Written by ReportKit. This page loads nothing: it works offline and prints as it shows.")]))
        return HTMLDocument(title: "\(view.title) · \(view.day)", contentSecurityPolicy: HTMLDocument.selfContainedPolicy, head: [.style(PageStyle.sheet)], body: body)
    }

    /// One block as markup.
    public static func html(_ block: PageBlock) -> HTML {
        switch block {
        case let .heading(text, level, anchor):
            let attributes = anchor.map { [HTMLAttribute.id($0)] } ?? []
            return .element("h\(min(max(level, 1), 6))", attributes: attributes, text: text)
        case .paragraph(let text):
            return .element("p", text: text)
        case .facts(let facts):
            return .element("dl", facts.flatMap { fact -> [HTML] in
                let value: HTML = fact.link.map { link in
                    HTMLAttributeRules.isSafeURL(link) ? .element("a", attributes: [.href(link)], text: fact.value) : .text(fact.value)
                } ?? .text(fact.value)
                return [.element("dt", text: fact.name), .element("dd", [value])]
            })
        case .table(let table):
            return .element("div", attributes: [.class("scroll")], [table.html])
        case let .charts(charts, caption):
            return .element("figure", attributes: [.class("charts")], charts + [.element("p", text: caption)])
        case .files(let links):
            return .element("ul", attributes: [.class("files")], links.map { link in
                .element("li", [
                    .element("a", attributes: [.href(FileLinkPath.href(link.path)), HTMLAttribute("download", String(link.path.name))], text: link.path.description),
                    .element("span", attributes: [.class("muted")], text: " \(link.contentType.text.split(separator: ";")[0]), \(byteText(link.bytes))"),
                ])
            })
        case .problem(let text):
            return .element("p", attributes: [.class("problem"), HTMLAttribute("role", "alert")], text: text)
        }
    }

    /// A status as a badge: its word in a box (the word carries it; colour only helps).
    public static func badge(_ status: String) -> HTML {
        let known: Set<String> = ["ok", "pass", "warn", "fail", "failed", "error"]
        let lower = status.lowercased()
        return .element("span", attributes: [.class(known.contains(lower) ? "badge \(lower)" : "badge")], text: status.isEmpty ? "none" : status)
    }

    /// `812 B`, `12.5 kB`, `3.1 MB`.
    static func byteText(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return ChartText.number((Double(bytes) / 100).rounded() / 10) + " kB" }
        return ChartText.number((Double(bytes) / 100_000).rounded() / 10) + " MB"
    }
}

extension PageTable {
    /// The table as markup: a caption, a header row, one row per record.
    public var html: HTML {
        let head = HTML.element("thead", [.element("tr", header.map { .element("th", attributes: [HTMLAttribute("scope", "col")], text: $0) })])
        let body = HTML.element("tbody", rows.map { row in
            .element("tr", row.enumerated().map { index, cell in
                if index == statusColumn { return .element("td", [ReportPage.badge(cell)]) }
                return numericColumns.contains(index) ? .element("td", attributes: [.class("n")], text: cell) : .element("td", text: cell)
            })
        })
        return .element("table", [.element("caption", text: caption), head, body])
    }
}
