import ReportKit

/// The viewer, `index.html` at the store's root: one static page, no framework, no build
/// step and no request but the report pages it frames. The runs are embedded as JSON in a
/// `<script type="application/json">` (a `file://` page cannot fetch JSON in Chromium, and
/// a store needs no public listing this way); the one script is allowed by its hash.
///
/// Runs are listed newest first with their status, the selected run's reports under a
/// search box, the selected report's page in a sandboxed `<iframe>` (no script, no
/// same-origin), its metadata, downloads and a history strip of the last 30 runs. The URL
/// fragment `#2024-03-15/Table_Summary` names the run and report, so links deep-link and
/// the back button walks the selections.
public enum ViewerPage {
    public static func document(_ data: ViewerData) -> HTMLDocument {
        let policy = "default-src 'none'; script-src \(ViewerScript.cspHash); style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'"
        let body: [HTML] = [
            .element("a", attributes: [.href("#main"), .class("skip")], text: "Skip to the report"),
            .element("header", [
                .element("h1", text: data.title),
                .element("p", attributes: [.class("muted")], text: "\(data.runs.count) runs. Pick a run, then a report; the address names both, so it can be shared."),
            ]),
            .element("noscript", [.element("p", text: "The viewer needs JavaScript. Each report's page is report.html in its run's folder.")]),
            .element("p", attributes: [.id("empty"), .flag("hidden")], text: "No runs yet: runs.json lists none."),
            .element("div", attributes: [.id("viewer"), .class("layout")], [
                .element("nav", attributes: [HTMLAttribute("aria-labelledby", "runs-title"), .class("runs")], [
                    .element("h2", attributes: [.id("runs-title")], text: "Runs"),
                    .element("ol", attributes: [.id("run-list")]),
                ]),
                .element("section", attributes: [HTMLAttribute("aria-labelledby", "run-title"), .class("reports")], [
                    .element("h2", attributes: [.id("run-title")], text: "Run"),
                    .element("p", attributes: [.id("run-status"), .class("muted")]),
                    .element("p", attributes: [.id("run-nav"), .class("run-nav")]),
                    .element("label", attributes: [HTMLAttribute("for", "search")], text: "Search reports"),
                    .element("input", attributes: [.id("search"), HTMLAttribute("type", "search"), HTMLAttribute("placeholder", "name, kind or status"), HTMLAttribute("autocomplete", "off")]),
                    .element("p", attributes: [.id("search-count"), .class("muted"), HTMLAttribute("aria-live", "polite")]),
                    .element("ul", attributes: [.id("report-list")]),
                ]),
                .element("main", attributes: [.id("main")], [
                    .element("section", attributes: [.id("report"), HTMLAttribute("aria-labelledby", "report-title")], [
                        .element("h2", attributes: [.id("report-title")], text: "Report"),
                        .element("div", attributes: [.class("columns")], [
                            .element("div", [.element("h3", text: "About"), .element("dl", attributes: [.id("report-meta")])]),
                            .element("div", [
                                .element("h3", text: "Last 30 runs"),
                                .element("div", attributes: [.id("history"), .class("history")]),
                                .element("h3", text: "Downloads"),
                                .element("ul", attributes: [.id("downloads"), .class("downloads")]),
                            ]),
                        ]),
                        .element("iframe", attributes: [.id("report-frame"), HTMLAttribute("sandbox", "allow-downloads"), HTMLAttribute("title", "Report page")]),
                    ]),
                ]),
            ]),
            .jsonScript(id: "reportkit-runs", data.json),
            .script(ViewerScript.source),
        ]
        return HTMLDocument(title: data.title, contentSecurityPolicy: policy, head: [.style(style)], body: body)
    }

    public static func render(_ data: ViewerData) throws(MarkupError) -> [UInt8] {
        try document(data).renderBytes()
    }

    static let style = StyleSheet(constant: """
        :root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1d21;--muted:#4b5563;--line:#d0d5db;--card:#f4f6f8;--link:#1d5fb4;--focus:#b45309}
        @media (prefers-color-scheme:dark){:root{--bg:#121417;--fg:#e7e9ec;--muted:#b4bac2;--line:#3b4048;--card:#1c2026;--link:#8cb8f5;--focus:#fbbf24}}
        *{box-sizing:border-box}
        body{margin:0;padding:8px 16px 24px;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;overflow-wrap:anywhere}
        a{color:var(--link)}
        a:focus-visible,input:focus-visible,iframe:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--bg);padding:4px 8px;z-index:2}
        h1{font-size:1.4rem;margin:.3em 0 .1em}
        h2{font-size:1.15rem;margin:.4em 0}
        h3{font-size:.95rem;margin:.6em 0 .2em;color:var(--muted)}
        .muted{color:var(--muted)}
        .layout{display:grid;grid-template-columns:minmax(150px,190px) minmax(200px,280px) 1fr;gap:16px;align-items:start}
        .runs ol,#report-list,.downloads{list-style:none;padding:0;margin:0}
        .runs a,#report-list a{display:block;padding:4px 8px;border-radius:4px;text-decoration:none;color:var(--fg);border:1px solid transparent}
        .runs a:hover,#report-list a:hover{border-color:var(--line)}
        a[aria-current=page]{background:var(--card);border-color:var(--line)!important;font-weight:600}
        .runs .date{display:block}.runs .status{display:block;font-size:12px;color:var(--muted)}
        .runs a.failed .status{color:#c8553d}
        #report-list .kind{color:var(--muted);font-size:12px}
        input[type=search]{width:100%;padding:6px 8px;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:4px;margin:4px 0}
        .run-nav{display:flex;justify-content:space-between;gap:8px;font-size:13px}
        .badge{display:inline-block;min-width:3.2em;padding:0 5px;border-radius:4px;font-weight:600;font-size:12px;color:#1b1d21;background:#e5e7eb;border:1px solid #6b7280;text-align:center}
        .badge.ok{background:#d5f0dd;border-color:#2e8b57}.badge.warn{background:#fbefc4;border-color:#b7791f}.badge.failed{background:#f9d9d3;border-color:#c8553d}
        .columns{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:12px}
        dl{display:grid;grid-template-columns:minmax(5em,35%) minmax(0,1fr);gap:1px 12px;margin:0;font-size:14px}
        dt{color:var(--muted)}dd{margin:0}
        .history{display:flex;flex-wrap:wrap;gap:2px}
        .history .cell{display:inline-block;width:20px;height:24px;line-height:24px;text-align:center;border-radius:3px;font-size:13px;font-weight:700;text-decoration:none;color:#1b1d21;background:#e5e7eb}
        .history .ok{background:#d5f0dd}.history .warn{background:#fbefc4}.history .failed{background:#f9d9d3}.history .absent{background:transparent;color:var(--muted)}
        .history [aria-current=page]{outline:2px solid var(--fg)}
        .downloads li{font-size:14px}
        iframe{width:100%;height:75vh;min-height:420px;border:1px solid var(--line);border-radius:4px;background:#fff;margin-top:12px}
        @media (max-width:900px){.layout{grid-template-columns:1fr}.columns{grid-template-columns:1fr}.runs ol{display:flex;flex-wrap:wrap;gap:4px}iframe{height:70vh}}
        """)
}
