/// A piece of an HTML document: an element, text, or a list of pieces.
///
/// Markup is escaped by construction: text and attribute values are data and are always
/// escaped when the tree is rendered; no initializer takes markup as a string. The only
/// content written without escaping is what ReportKit itself writes (the doctype) and the
/// bodies of raw-text elements, which come in checked types: ``ScriptSource`` (a
/// compile-time constant), ``StyleSheet`` (refuses anything that could end the element) and
/// JSON written by ``JSONWriter/inlineScript(_:)``.
///
/// ```swift
/// let row = HTML.element("tr", [
///     .element("td", attributes: [HTMLAttribute("class", "name")], [.text(column.name)]),
///     .element("td", [.text(String(column.count))]),
/// ])
/// ```
///
/// Names and values are checked when the tree is rendered (``HTMLDocument/render()``,
/// ``render()``): an element name or attribute name outside the rules, an event-handler
/// attribute, a URL attribute with a scheme other than http, https and mailto, or children
/// of a void element make rendering fail with a ``MarkupError`` naming the element's path.
public struct HTML: Sendable, Hashable {
    indirect enum Node: Sendable, Hashable {
        case element(name: String, attributes: [HTMLAttribute], children: [HTML])
        case text(String)
        case fragment([HTML])
        case script(ScriptBody, attributes: [HTMLAttribute])
        case style(StyleSheet)
        case trusted(TrustedHTML)
    }

    /// What a `<script>` element holds.
    enum ScriptBody: Sendable, Hashable {
        case code(ScriptSource)
        case json(String)
    }

    let node: Node

    init(_ node: Node) {
        self.node = node
    }

    /// An element `<name attributes…>children…</name>`. `script` and `style` are made with
    /// ``script(_:attributes:)``, ``jsonScript(id:_:)`` and ``style(_:)`` instead.
    public static func element(_ name: String, attributes: [HTMLAttribute] = [], _ children: [HTML] = []) -> HTML {
        HTML(.element(name: name, attributes: attributes, children: children))
    }

    /// An element holding one text node.
    public static func element(_ name: String, attributes: [HTMLAttribute] = [], text: String) -> HTML {
        HTML(.element(name: name, attributes: attributes, children: [.text(text)]))
    }

    /// Text, escaped when rendered (`&`, `<`, `>`, `"`, `'`).
    public static func text(_ text: String) -> HTML {
        HTML(.text(text))
    }

    /// Several pieces side by side, with no element around them.
    public static func fragment(_ children: [HTML]) -> HTML {
        HTML(.fragment(children))
    }

    /// A `<script>` element running a constant of the program's own source.
    public static func script(_ source: ScriptSource, attributes: [HTMLAttribute] = []) -> HTML {
        HTML(.script(.code(source), attributes: attributes))
    }

    /// `<script type="application/json" id="…">` holding `value` as JSON that cannot end
    /// the element early (``JSONWriter/inlineScript(_:)``). A page reads it with
    /// `JSON.parse(document.getElementById(id).textContent)`.
    public static func jsonScript(id: String, _ value: JSONValue) -> HTML {
        HTML(.script(.json(JSONWriter.inlineScript(value)), attributes: [HTMLAttribute("type", "application/json"), HTMLAttribute("id", id)]))
    }

    /// A `<style>` element.
    public static func style(_ sheet: StyleSheet) -> HTML {
        HTML(.style(sheet))
    }

    /// Markup that ReportKit itself wrote (see ``TrustedHTML``).
    static func trusted(_ markup: TrustedHTML) -> HTML {
        HTML(.trusted(markup))
    }

    /// The piece as HTML text.
    public func render() throws(MarkupError) -> String {
        var renderer = HTMLRenderer()
        try renderer.write(self)
        return renderer.text()
    }
}

extension HTML: ExpressibleByStringLiteral {
    /// A literal is a text node (escaped like any other text).
    public init(stringLiteral value: String) {
        self.init(.text(value))
    }
}

/// Markup written without escaping. Only ReportKit creates values of this type, from its own
/// constants (the doctype); nothing outside the library can turn a string into one, so no
/// data can reach a page unescaped.
struct TrustedHTML: Sendable, Hashable {
    let markup: StaticString

    init(_ markup: StaticString) {
        self.markup = markup
    }

    static let doctype = TrustedHTML("<!DOCTYPE html>")

    static func == (lhs: TrustedHTML, rhs: TrustedHTML) -> Bool {
        lhs.markup.description == rhs.markup.description
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(markup.description)
    }
}
