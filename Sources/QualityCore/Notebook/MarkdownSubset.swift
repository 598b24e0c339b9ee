import Foundation
import ReportKit

/// The Markdown a notebook's cells use, as escaped markup: ATX headings, paragraphs,
/// emphasis (`*`/`_`), strong (`**`/`__`), code spans and fenced code, links with safe URLs
/// (others stay text), bullet and numbered lists (one level), pipe tables and block quotes.
/// Raw HTML in the Markdown is shown as text, never as markup.
public enum MarkdownSubset {
    public static func html(_ markdown: String) -> [HTML] {
        var blocks: [HTML] = []
        let lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.element("p", inline(paragraph.joined(separator: "\n")))) }
            paragraph = []
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush(); index += 1
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                let fence = String(trimmed.prefix(3))
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(fence) {
                    code.append(lines[index]); index += 1
                }
                index += 1
                blocks.append(.element("pre", [.element("code", text: code.joined(separator: "\n"))]))
            } else if let (level, text) = heading(trimmed) {
                flush(); index += 1
                blocks.append(.element("h\(level)", inline(text)))
            } else if trimmed.hasPrefix(">") {
                flush()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(">") {
                    quoted.append(String(lines[index].trimmingCharacters(in: .whitespaces).dropFirst()).trimmingCharacters(in: .whitespaces)); index += 1
                }
                blocks.append(.element("blockquote", html(quoted.joined(separator: "\n"))))
            } else if listItem(trimmed) != nil {
                flush()
                let ordered = listItem(trimmed)!.ordered
                var items: [HTML] = []
                while index < lines.count, let item = listItem(lines[index].trimmingCharacters(in: .whitespaces)), item.ordered == ordered {
                    items.append(.element("li", inline(item.text))); index += 1
                }
                blocks.append(.element(ordered ? "ol" : "ul", items))
            } else if trimmed.hasPrefix("|"), index + 1 < lines.count, isTableRule(lines[index + 1]) {
                flush()
                let header = cells(trimmed)
                index += 2
                var rows: [[String]] = []
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
                    rows.append(cells(lines[index].trimmingCharacters(in: .whitespaces))); index += 1
                }
                blocks.append(.element("div", attributes: [.class("scroll")], [.element("table", [
                    .element("thead", [.element("tr", header.map { .element("th", inline($0)) })]),
                    .element("tbody", rows.map { row in .element("tr", row.map { .element("td", inline($0)) }) }),
                ])]))
            } else {
                paragraph.append(trimmed); index += 1
            }
        }
        flush()
        return blocks
    }

    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (hashes, rest.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#")).trimmingCharacters(in: .whitespaces))
    }

    static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { return (false, String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (true, String(rest.dropFirst(2)))
    }

    static func isTableRule(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.contains("-") && trimmed.allSatisfy { "|-: ".contains($0) }
    }

    static func cells(_ line: String) -> [String] {
        var body = Substring(line)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") { body = body.dropLast() }
        return body.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Inline Markdown as markup.
    public static func inline(_ text: String) -> [HTML] {
        var parser = InlineMarkdown(Array(text))
        return parser.parse(until: nil)
    }
}

/// The inline parser: code spans, strong, emphasis, links; everything else is text.
struct InlineMarkdown {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) {
        self.characters = characters
    }

    mutating func parse(until closing: String?) -> [HTML] {
        var out: [HTML] = []
        var text = ""
        func flush() {
            if !text.isEmpty { out.append(.text(text)) }
            text = ""
        }
        while position < characters.count {
            if let closing, matches(closing) {
                position += closing.count
                flush()
                return out
            }
            let character = characters[position]
            if character == "\\", position + 1 < characters.count, characters[position + 1].isPunctuation || characters[position + 1].isSymbol {
                text.append(characters[position + 1]); position += 2
            } else if character == "`", let end = find("`", from: position + 1) {
                flush()
                out.append(.element("code", text: String(characters[(position + 1)..<end])))
                position = end + 1
            } else if (matches("**") || matches("__")), find(String(characters[position...position + 1]), from: position + 2) != nil {
                let marker = String(characters[position...position + 1])
                flush(); position += 2
                out.append(.element("strong", parse(until: marker)))
            } else if (character == "*" || character == "_"), position + 1 < characters.count, characters[position + 1] != " ", find(String(character), from: position + 1) != nil {
                flush(); position += 1
                out.append(.element("em", parse(until: String(character))))
            } else if character == "[", let close = find("]", from: position + 1), close + 1 < characters.count, characters[close + 1] == "(", let end = closingParenthesis(from: close + 2) {
                let label = String(characters[(position + 1)..<close])
                let url = String(characters[(close + 2)..<end]).trimmingCharacters(in: .whitespaces)
                flush()
                var inner = InlineMarkdown(Array(label))
                let content = inner.parse(until: nil)
                if HTMLAttributeRules.isSafeURL(url) {
                    out.append(.element("a", attributes: [.href(url), HTMLAttribute("rel", "noopener noreferrer")], content))
                } else {
                    out.append(.fragment(content))
                }
                position = end + 1
            } else {
                text.append(character); position += 1
            }
        }
        flush()
        return out
    }

    /// The `)` that closes a link destination starting at `start`, parentheses inside balanced.
    func closingParenthesis(from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < characters.count {
            if characters[index] == "(" { depth += 1 }
            if characters[index] == ")" {
                if depth == 0 { return index }
                depth -= 1
            }
            index += 1
        }
        return nil
    }

    func matches(_ marker: String) -> Bool {
        let needle = Array(marker)
        guard position + needle.count <= characters.count else { return false }
        return Array(characters[position..<(position + needle.count)]) == needle
    }

    func find(_ marker: String, from start: Int) -> Int? {
        let needle = Array(marker)
        var index = start
        while index + needle.count <= characters.count {
            if Array(characters[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
