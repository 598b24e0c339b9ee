import ReportKit

/// The SVG elements the charts are made of, as ``HTML`` (escaped by construction). An `<svg>`
/// carries `xmlns`, so the same tree is a valid stand-alone SVG file (`image/svg+xml` in a
/// notebook) and inline SVG in a page.
enum SVG {
    /// The root element: `role="img"`, named by its `<title>` and described by its `<desc>`.
    static func root(id: String, width: Double, height: Double, title: String, description: String, _ children: [HTML]) -> HTML {
        .element("svg", attributes: [
            HTMLAttribute("xmlns", "http://www.w3.org/2000/svg"),
            HTMLAttribute("viewBox", "0 0 \(n(width)) \(n(height))"),
            HTMLAttribute("width", n(width)),
            HTMLAttribute("height", n(height)),
            HTMLAttribute("role", "img"),
            HTMLAttribute("aria-labelledby", "\(id)-t \(id)-d"),
            HTMLAttribute("font-family", "system-ui, sans-serif"),
            HTMLAttribute("font-size", "12"),
            .class("chart"),
        ], [
            .element("title", attributes: [.id("\(id)-t")], text: title),
            .element("desc", attributes: [.id("\(id)-d")], text: description),
        ] + children)
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String? = nil) -> HTML {
        .element("rect", attributes: [
            HTMLAttribute("x", n(x)), HTMLAttribute("y", n(y)),
            HTMLAttribute("width", n(max(width, 0))), HTMLAttribute("height", n(max(height, 0))),
            HTMLAttribute("fill", fill),
        ], tooltip.map { [.element("title", text: $0)] } ?? [])
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = ChartPalette.grid, width: Double = 1, dashed: Bool = false) -> HTML {
        var attributes = [
            HTMLAttribute("x1", n(x1)), HTMLAttribute("y1", n(y1)), HTMLAttribute("x2", n(x2)), HTMLAttribute("y2", n(y2)),
            HTMLAttribute("stroke", stroke), HTMLAttribute("stroke-width", n(width)),
        ]
        if dashed { attributes.append(HTMLAttribute("stroke-dasharray", "2 3")) }
        return .element("line", attributes: attributes)
    }

    /// Text in the page's colour; when `limit` cuts it, the whole text is its `<title>`.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", limit: Int = 1000, bold: Bool = false) -> HTML {
        let (shown, cut) = ChartText.fitted(content, limit: limit)
        var attributes = [HTMLAttribute("x", n(x)), HTMLAttribute("y", n(y)), HTMLAttribute("fill", "currentColor")]
        if anchor != "start" { attributes.append(HTMLAttribute("text-anchor", anchor)) }
        if bold { attributes.append(HTMLAttribute("font-weight", "bold")) }
        let children: [HTML] = cut ? [.element("title", text: content), .text(shown)] : [.text(shown)]
        return .element("text", attributes: attributes, children)
    }

    static func polyline(_ points: [(Double, Double)], stroke: String, dashes: String = "") -> HTML {
        var attributes = [
            HTMLAttribute("points", points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")),
            HTMLAttribute("fill", "none"), HTMLAttribute("stroke", stroke), HTMLAttribute("stroke-width", "2"),
        ]
        if !dashes.isEmpty { attributes.append(HTMLAttribute("stroke-dasharray", dashes)) }
        return .element("polyline", attributes: attributes)
    }

    static func circle(x: Double, y: Double, radius: Double, fill: String, tooltip: String) -> HTML {
        .element("circle", attributes: [
            HTMLAttribute("cx", n(x)), HTMLAttribute("cy", n(y)), HTMLAttribute("r", n(radius)), HTMLAttribute("fill", fill),
        ], [.element("title", text: tooltip)])
    }

    /// A coordinate with at most one decimal: `12`, `12.5`.
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let rest = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
        if rest == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(rest)"
    }
}
