/// Writes an ``HTML`` tree as bytes, checking names and values on the way (see ``HTML``).
///
/// Output is byte-stable: attributes in the order given, always double-quoted, no whitespace
/// added inside the tree, void elements without a closing tag or slash, every other element
/// closed explicitly (SVG's included).
struct HTMLRenderer {
    private(set) var bytes: [UInt8] = []
    /// The names of the open elements, for error messages.
    private var path: [String] = []

    /// Elements that have no content and no end tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Elements whose content is not parsed as markup: made only through the checked
    /// ``HTML/script(_:attributes:)``, ``HTML/jsonScript(id:_:)`` and ``HTML/style(_:)``,
    /// or (the legacy ones that never end, or end oddly) not at all.
    static let rawTextElements: Set<String> = ["script", "style", "plaintext", "xmp", "noembed", "noframes"]

    init() {
        bytes.reserveCapacity(1 << 16)
    }

    func text() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    mutating func write(_ html: HTML) throws(MarkupError) {
        switch html.node {
        case .text(let text):
            escape(text)
        case .fragment(let children):
            for child in children { try write(child) }
        case let .element(name, attributes, children):
            try element(name, attributes: attributes, children: children)
        case let .script(body, attributes):
            path.append("script")
            defer { path.removeLast() }
            try open("script", attributes: attributes)
            switch body {
            case .code(let source):
                if let problem = source.problem { throw failure(problem) }
                append(source.code)
            case .json(let json):
                append(json)
            }
            append("</script>")
        case .style(let sheet):
            append("<style>")
            append(sheet.css)
            append("</style>")
        case .trusted(let markup):
            markup.markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends `text` as UTF-8, unescaped (for what the library wrote or checked).
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func element(_ name: String, attributes: [HTMLAttribute], children: [HTML]) throws(MarkupError) {
        path.append(name)
        defer { path.removeLast() }
        guard HTMLAttributeRules.isValidElementName(name) else { throw failure("'\(name)' is not a valid element name") }
        let lower = name.lowercased()
        if Self.rawTextElements.contains(lower) {
            throw failure("<\(lower)> cannot be made with HTML.element; use HTML.script, HTML.jsonScript or HTML.style")
        }
        try open(name, attributes: attributes)
        if Self.voidElements.contains(lower) {
            guard children.isEmpty else { throw failure("<\(lower)> is a void element and cannot have children") }
            return
        }
        for child in children { try write(child) }
        append("</")
        append(name)
        append(">")
    }

    private mutating func open(_ name: String, attributes: [HTMLAttribute]) throws(MarkupError) {
        append("<")
        append(name)
        for (position, attribute) in attributes.enumerated() {
            let lower = attribute.name.lowercased()
            try check(attribute, lowercased: lower, among: attributes)
            for earlier in attributes[..<position] where earlier.name.utf8.count == lower.utf8.count && earlier.name.lowercased() == lower {
                throw failure("attribute '\(attribute.name)' is given twice")
            }
            append(" ")
            append(attribute.name)
            if let value = attribute.value {
                append("=\"")
                escape(value)
                append("\"")
            }
        }
        append(">")
    }

    private func check(_ attribute: HTMLAttribute, lowercased name: String, among attributes: [HTMLAttribute]) throws(MarkupError) {
        guard HTMLAttributeRules.isValidAttributeName(attribute.name) else {
            if name.hasPrefix("on") { throw failure("event-handler attribute '\(attribute.name)' is not allowed (no script from markup)") }
            throw failure("'\(attribute.name)' is not an allowed attribute name")
        }
        let value = attribute.value ?? ""
        if HTMLAttributeRules.urlAttributes.contains(name), !HTMLAttributeRules.isSafeURL(value, attribute: name) {
            throw failure("\(name) '\(Self.shown(value))' is not a safe URL (allowed: relative, http, https, mailto, data:image for src)")
        }
        if name == "srcdoc" {
            let sandbox = attributes.first { $0.name.lowercased() == "sandbox" }
            guard let sandbox else { throw failure("srcdoc needs a sandbox attribute on the same element") }
            let tokens = (sandbox.value ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            if tokens.contains("allow-scripts") { throw failure("srcdoc with a sandbox that allows scripts is not allowed") }
        }
        if name == "attributename", HTMLAttributeRules.urlAttributes.contains(value.lowercased().trimmingCharacters(in: .whitespaces)) {
            throw failure("SVG animation of '\(Self.shown(value))' is not allowed (it could set a URL the check never saw)")
        }
        if name == "http-equiv", !HTMLAttributeRules.allowedHTTPEquiv.contains(value.lowercased()) {
            throw failure("http-equiv '\(Self.shown(value))' is not allowed")
        }
    }

    private func failure(_ message: String) -> MarkupError {
        MarkupError(path: path.isEmpty ? "(top)" : path.joined(separator: " > "), message: message)
    }

    /// A refused value in a message: at most 80 characters, controls shown as `\u{…}`.
    private static func shown(_ value: String) -> String {
        let scalars = value.unicodeScalars.prefix(80).map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
        return scalars.joined() + (value.unicodeScalars.count > 80 ? "…" : "")
    }

    /// Appends `text` with `& < > " '` as character references (and NUL as U+FFFD), safe in
    /// text and in double-quoted attribute values alike.
    mutating func escape(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            for offset in 0..<source.count {
                let replacement: StaticString
                switch source[offset] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0: replacement = "\u{FFFD}"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<offset]))
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
    }
}
