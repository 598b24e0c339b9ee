/// A directory listing page cut into rows: what lies between line breaks (`<br>`, a newline,
/// `<tr>`, `<li>`), each row's links and its text with tags dropped and entities decoded.
///
/// Not an HTML parser: listings are generated pages (IIS, Apache, nginx), and this reads just
/// enough of them: tags, `href` attributes, text and character references.
struct HTMLRows {
    struct Link {
        /// The `href` value, entities decoded.
        var href: String
        /// The link's text, entities decoded.
        var text: String
    }

    struct Row {
        var links: [Link] = []
        /// The row's text outside its links.
        var text = ""
    }

    /// The rows of `html`, empty ones left out.
    static func rows(_ html: String) -> [Row] {
        var rows: [Row] = []
        var row = Row()
        var openLink: Link?
        let bytes = Array(html.utf8)
        var index = 0
        func endRow() {
            if let link = openLink { row.links.append(link) }
            openLink = nil
            if !row.links.isEmpty || !row.text.allSatisfy(\.isWhitespace) { rows.append(row) }
            row = Row()
        }
        func addText(_ text: String) {
            if openLink != nil { openLink!.text += text } else { row.text += text }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                let tag = Array(bytes[(index + 1)..<end])
                index = min(end + 1, bytes.count)
                let name = tagName(tag)
                switch name {
                case "br", "tr", "/tr", "li", "/li", "p", "/p":
                    endRow()
                case "a":
                    if let link = openLink { row.links.append(link) }
                    openLink = attribute("href", in: tag).map { Link(href: $0, text: "") }
                case "/a":
                    if let link = openLink { row.links.append(link) }
                    openLink = nil
                case "td", "/td", "th", "/th":
                    addText(" ")
                default:
                    continue
                }
            } else if byte == UInt8(ascii: "\n") {
                endRow()
                index += 1
            } else {
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
                addText(decodeEntities(String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
            }
        }
        endRow()
        return rows
    }

    /// The tag's name in lower case, with a leading `/` for an end tag: `a`, `/a`, `br`.
    static func tagName(_ tag: [UInt8]) -> String {
        var name = ""
        for byte in tag {
            if byte == UInt8(ascii: "/") && name.isEmpty { name = "/"; continue }
            guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) else { break }
            name.append(Character(Unicode.Scalar(byte | 0x20)))
        }
        return name
    }

    /// The value of attribute `name` (ASCII case-insensitive) in a tag's inside, quoted with
    /// `"` or `'` or not at all; entities decoded.
    static func attribute(_ name: String, in tag: [UInt8]) -> String? {
        let wanted = Array(name.utf8)
        var index = 0
        while index < tag.count {
            // The start of an attribute name: after whitespace.
            guard tag[index] == 0x20 || tag[index] == 0x09 || tag[index] == 0x0A || tag[index] == 0x0D else {
                index += 1
                continue
            }
            index += 1
            let start = index
            while index < tag.count, tag[index] != UInt8(ascii: "="), tag[index] > 0x20 { index += 1 }
            let found = tag[start..<index].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            while index < tag.count, tag[index] == 0x20 { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < tag.count, tag[index] == 0x20 { index += 1 }
            guard index < tag.count else { return found == wanted ? "" : nil }
            let valueStart: Int, valueEnd: Int
            if tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") {
                let quote = tag[index]
                valueStart = index + 1
                valueEnd = tag[valueStart...].firstIndex(of: quote) ?? tag.count
                index = min(valueEnd + 1, tag.count)
            } else {
                valueStart = index
                var end = index
                while end < tag.count, tag[end] > 0x20 { end += 1 }
                valueEnd = end
                index = end
            }
            if found == wanted { return decodeEntities(String(decoding: tag[valueStart..<valueEnd], as: UTF8.self)) }
        }
        return nil
    }

    static let namedEntities: [String: String] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": " "]

    /// `text` with `&lt;`, `&amp;`, `&#60;`, `&#x3C;` and the like replaced; an unknown or
    /// broken reference stays as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = namedEntities[String(name)]
            }
            if let replacement {
                result += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}
