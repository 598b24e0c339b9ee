/// A whole HTML5 page: the doctype, `<html lang>`, a head with `<meta charset="utf-8">`,
/// the viewport, an optional Content-Security-Policy, the title and whatever else the head
/// needs (``HTML/style(_:)``, ``HTML/jsonScript(id:_:)``, more `<meta>`), then the body.
///
/// ```swift
/// let page = HTMLDocument(
///     title: report.name,
///     contentSecurityPolicy: HTMLDocument.selfContainedPolicy,
///     head: [.style(try StyleSheet(css))],
///     body: [.element("h1", text: report.name)])
/// let text = try page.render()
/// ```
///
/// The output is byte-stable (golden-testable): a line break after the doctype and between
/// the parts of the skeleton, nothing added inside the body's elements.
public struct HTMLDocument: Sendable, Hashable {
    public var language: String
    public var title: String
    public var contentSecurityPolicy: String?
    public var head: [HTML]
    public var bodyAttributes: [HTMLAttribute]
    public var body: [HTML]

    /// A policy for a page that loads nothing: no script, no request; inline styles and
    /// images in `data:` URLs allowed.
    public static let selfContainedPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    public init(
        language: String = "en", title: String, contentSecurityPolicy: String? = nil,
        head: [HTML] = [], bodyAttributes: [HTMLAttribute] = [], body: [HTML]
    ) {
        self.language = language
        self.title = title
        self.contentSecurityPolicy = contentSecurityPolicy
        self.head = head
        self.bodyAttributes = bodyAttributes
        self.body = body
    }

    /// The page as HTML text, ending with a line break.
    public func render() throws(MarkupError) -> String {
        var renderer = HTMLRenderer()
        try write(into: &renderer)
        return renderer.text()
    }

    /// The page as UTF-8 bytes.
    public func renderBytes() throws(MarkupError) -> [UInt8] {
        var renderer = HTMLRenderer()
        try write(into: &renderer)
        return renderer.bytes
    }

    private func write(into renderer: inout HTMLRenderer) throws(MarkupError) {
        var headParts: [HTML] = [
            .element("meta", attributes: [HTMLAttribute("charset", "utf-8")]),
            .element("meta", attributes: [HTMLAttribute("name", "viewport"), HTMLAttribute("content", "width=device-width, initial-scale=1")]),
        ]
        if let contentSecurityPolicy {
            headParts.append(.element("meta", attributes: [HTMLAttribute("http-equiv", "Content-Security-Policy"), HTMLAttribute("content", contentSecurityPolicy)]))
        }
        headParts.append(.element("title", text: title))
        headParts += head
        try renderer.write(.trusted(.doctype))
        renderer.append("\n<html lang=\"")
        renderer.escape(language)
        renderer.append("\">\n<head>\n")
        for part in headParts {
            try renderer.write(part)
            renderer.append("\n")
        }
        renderer.append("</head>\n")
        // The body's open tag goes through the element rules, so its attributes are checked.
        try renderer.write(.element("body", attributes: bodyAttributes, [.text("\n")] + body.flatMap { [$0, .text("\n")] }))
        renderer.append("\n</html>\n")
    }
}
