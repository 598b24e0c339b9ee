import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("HTML markup writer")
struct MarkupTests {
    static let hostile = [
        "<img src=x onerror=alert(1)>",
        "</script><script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "' autofocus onfocus='alert(1)",
        "&lt;already escaped&gt; & <!-- comment -->",
    ]

    @Test("text and attribute values escape & < > \" '", arguments: hostile)
    func hostileTextIsInert(value: String) throws {
        let html = try HTML.element("td", attributes: [HTMLAttribute("title", value), .class(value)], [.text(value)]).render()
        let escaped = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
        #expect(html == "<td title=\"\(escaped)\" class=\"\(escaped)\">\(escaped)</td>")
        // Only the element's own two tags hold a '<'; no quote of the value reaches the markup.
        #expect(html.filter { $0 == "<" }.count == 2)
        #expect(html.filter { $0 == "\"" }.count == 4)
        #expect(!html.contains("'"))
    }

    @Test("nesting, void elements, flags and fragments render exactly")
    func nesting() throws {
        let table = HTML.element("table", attributes: [.class("summary")], [
            .element("tr", [.element("th", text: "name"), .element("th", text: "count")]),
            .element("tr", [.element("td", text: "a<b"), .element("td", [.fragment(["1", .element("br"), "2"])])]),
        ])
        let details = HTML.element("details", attributes: [.flag("open")], [.element("summary", text: "more"), .element("img", attributes: [HTMLAttribute("src", "chart.png"), HTMLAttribute("alt", "")])])
        #expect(try table.render() == #"<table class="summary"><tr><th>name</th><th>count</th></tr><tr><td>a&lt;b</td><td>1<br>2</td></tr></table>"#)
        #expect(try details.render() == #"<details open><summary>more</summary><img src="chart.png" alt=""></details>"#)
        let svg = HTML.element("svg", attributes: [HTMLAttribute("viewBox", "0 0 10 10"), HTMLAttribute("role", "img")], [
            .element("title", text: "rows <per> table"), .element("linearGradient", attributes: [.id("g")]), .element("rect", attributes: [HTMLAttribute("width", "5")]),
        ])
        #expect(try svg.render() == #"<svg viewBox="0 0 10 10" role="img"><title>rows &lt;per&gt; table</title><linearGradient id="g"></linearGradient><rect width="5"></rect></svg>"#)
    }

    @Test("javascript: and other unsafe URLs are refused, however they are spelled", arguments: [
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "\u{01}javascript:alert(1)",
        "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "data:image/svg+xml,<svg onload=alert(1)>", "file:///etc/passwd",
        "jAvAsCrIpT&colon;alert(1):x",
    ])
    func unsafeURLs(url: String) {
        for attribute in ["href", "src", "action", "formaction", "xlink:href"] {
            let error = #expect(throws: MarkupError.self) { try HTML.element("a", attributes: [HTMLAttribute(attribute, url)]).render() }
            #expect(error?.message.contains("not a safe URL") == true, "\(attribute)=\(url)")
        }
    }

    @Test("relative, http(s), mailto and base64 image data URLs are kept", arguments: [
        "report.html", "../2024-03-15/index.html#Table_Summary", "?q=a:b", "#top", "https://example.com/a?b=c&d=e", "HTTP://EXAMPLE.COM", "mailto:team@example.com", "",
        "2024-03-15/a:b.html",
    ])
    func safeURLs(url: String) throws {
        let html = try HTML.element("a", attributes: [.href(url)], ["x"]).render()
        #expect(html == "<a href=\"\(url.replacingOccurrences(of: "&", with: "&amp;"))\">x</a>")
    }

    @Test("a data URL is an image source only")
    func dataURLs() throws {
        let png = "data:image/png;base64,iVBORw0KGgo="
        #expect(try HTML.element("img", attributes: [HTMLAttribute("src", png)]).render() == "<img src=\"\(png)\">")
        #expect(throws: MarkupError.self) { try HTML.element("a", attributes: [.href(png)]).render() }
        #expect(throws: MarkupError.self) { try HTML.element("img", attributes: [HTMLAttribute("src", "data:image/png,raw")]).render() }
    }

    @Test("event handlers, odd attribute names, repeated attributes are refused", arguments: [
        "onerror", "ONCLICK", "onload", "a b", "x\"y", "x=y", "", "1abc", "srcset", "x>", "x/",
    ])
    func refusedAttributeNames(name: String) {
        #expect(throws: MarkupError.self) { try HTML.element("img", attributes: [HTMLAttribute(name, "alert(1)")]).render() }
    }

    @Test("element rules: names, raw-text elements, void elements, duplicates, srcdoc, http-equiv")
    func elementRules() throws {
        for name in ["script", "STYLE", "plaintext", "xmp", "a b", "x\"", "", "<p"] {
            #expect(throws: MarkupError.self, "\(name)") { try HTML.element(name, ["x"]).render() }
        }
        let void = #expect(throws: MarkupError.self) { try HTML.element("div", [.element("br", ["x"])]).render() }
        #expect(void?.path == "div > br")
        #expect(throws: MarkupError.self) { try HTML.element("p", attributes: [.class("a"), HTMLAttribute("CLASS", "b")]).render() }
        #expect(throws: MarkupError.self) { try HTML.element("iframe", attributes: [HTMLAttribute("srcdoc", "<p>x</p>")]).render() }
        #expect(throws: MarkupError.self) {
            try HTML.element("iframe", attributes: [HTMLAttribute("srcdoc", "<p>x</p>"), HTMLAttribute("sandbox", "allow-scripts")]).render()
        }
        #expect(try HTML.element("iframe", attributes: [HTMLAttribute("srcdoc", "<p title=\"x\">x</p>"), HTMLAttribute("sandbox", "")]).render()
            == #"<iframe srcdoc="&lt;p title=&quot;x&quot;&gt;x&lt;/p&gt;" sandbox=""></iframe>"#)
        #expect(throws: MarkupError.self) { try HTML.element("meta", attributes: [HTMLAttribute("http-equiv", "refresh"), HTMLAttribute("content", "0;url=x")]).render() }
        #expect(throws: MarkupError.self) {
            try HTML.element("animate", attributes: [HTMLAttribute("attributeName", "href"), HTMLAttribute("values", "javascript:alert(1)")]).render()
        }
        #expect(try HTML.element("animate", attributes: [HTMLAttribute("attributeName", "opacity")]).render() == #"<animate attributeName="opacity"></animate>"#)
    }

    @Test("script and style bodies cannot end their element")
    func rawText() throws {
        #expect(throws: MarkupError.self) { try StyleSheet("p { color: red } </style><script>alert(1)</script>") }
        #expect(throws: MarkupError.self) { try StyleSheet("p::after { content: '<' }") }
        let sheet = try StyleSheet("body > p { color: #333 }")
        #expect(try HTML.style(sheet).render() == "<style>body > p { color: #333 }</style>")
        #expect(try HTML.script("let a = 1 < 2;").render() == "<script>let a = 1 < 2;</script>")
        #expect(throws: MarkupError.self) { try HTML.script("x = '</SCRIPT>'").render() }
        #expect(throws: MarkupError.self) { try HTML.script("x = '<!--'").render() }
        #expect(throws: MarkupError.self) { try HTML.script("x", attributes: [HTMLAttribute("src", "javascript:1")]).render() }
    }

    @Test("JSON inlined in a script: </script>, <!--, & and U+2028/2029 escaped, value unchanged")
    func jsonScript() throws {
        let value: JSONValue = [
            "name": .string("</script><script>alert(1)</script>"), "note": "<!-- x --> & y", "lines": "a\u{2028}b\u{2029}c", "é": 1,
        ]
        let json = JSONWriter.inlineScript(value)
        #expect(json == #"{"lines":"a\u2028b\u2029c","name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e","note":"\u003c!-- x --\u003e \u0026 y","é":1}"#)
        #expect(try JSONReader.parse(json) == value)
        let html = try HTML.jsonScript(id: "runs", value).render()
        #expect(html == "<script type=\"application/json\" id=\"runs\">\(json)</script>")
        #expect(html.components(separatedBy: "</script").count == 2)
        #expect(!html.contains("<!--") && !html.contains("\u{2028}"))
    }

    @Test("a whole page is byte-stable (golden)")
    func goldenPage() throws {
        let page = HTMLDocument(
            title: "Table summary <2024-03-15>", contentSecurityPolicy: HTMLDocument.selfContainedPolicy,
            head: [.style(try StyleSheet("@media (prefers-color-scheme: dark) { body { background: #111; color: #eee } }")), .jsonScript(id: "data", ["rows": 2])],
            bodyAttributes: [.class("report")],
            body: [
                .element("h1", text: Self.hostile[0]),
                .element("table", [.element("tr", Self.hostile.map { .element("td", attributes: [HTMLAttribute("title", $0)], text: $0) })]),
                .element("p", [.element("a", attributes: [.href("../index.html#2024-03-15/Table_Summary")], ["back"])]),
            ])
        let text = try page.render()
        if let mismatch = try GoldenFile.mismatch(text, golden: "markup/page.html") { Issue.record(Comment(rawValue: mismatch)) }
        #expect(try page.renderBytes() == Array(text.utf8))
    }

    /// In a debug build on a shared machine; a release build renders it in a few tens of ms.
    @Test("a 2 MB page renders in well under a second")
    func largePage() throws {
        let rows = (0..<20_000).map { row in
            HTML.element("tr", [
                .element("td", text: "row \(row)"), .element("td", attributes: [HTMLAttribute("title", Self.hostile[row % Self.hostile.count])], text: Self.hostile[row % Self.hostile.count]),
                .element("td", text: String(row * 7)),
            ])
        }
        let page = HTMLDocument(title: "large", body: [.element("table", rows)])
        let clock = ContinuousClock()
        var bytes: [UInt8] = []
        let elapsed = try clock.measure { bytes = try page.renderBytes() }
        print("markup: \(bytes.count) bytes rendered in \(elapsed)")
        #expect(bytes.count > 2_000_000)
        #expect(elapsed < .seconds(5))
    }
}
