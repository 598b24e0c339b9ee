import ReportKit

/// The style sheet of report pages: readable on a phone (one column, tables scroll
/// sideways, charts shrink), printable (no shadows, no page break inside a chart), light and
/// dark through `prefers-color-scheme`.
enum PageStyle {
    static let sheet = StyleSheet(constant: """
        :root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1d21;--muted:#4b5563;--line:#d0d5db;--card:#f4f6f8;--link:#1d5fb4}
        @media (prefers-color-scheme:dark){:root{--bg:#121417;--fg:#e7e9ec;--muted:#b4bac2;--line:#3b4048;--card:#1c2026;--link:#8cb8f5}}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1120px;padding:12px 16px 40px;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;overflow-wrap:anywhere}
        a{color:var(--link)}
        h1{font-size:1.6rem;margin:.4em 0 .2em}
        h2{font-size:1.25rem;margin:1.4em 0 .4em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
        h3{font-size:1.1rem;margin:1.2em 0 .3em}
        h4{font-size:1rem;margin:1em 0 .2em}
        nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;padding:0;margin:.3em 0}
        dl{display:grid;grid-template-columns:minmax(6em,max-content) minmax(0,1fr);gap:2px 14px;margin:.4em 0}
        dt{color:var(--muted)}
        dd{margin:0}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;font-size:13px;margin:.4em 0}
        caption{text-align:left;color:var(--muted);padding:2px 0}
        th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
        th{background:var(--card);position:sticky;top:0;overflow-wrap:normal;white-space:nowrap}
        td{overflow-wrap:normal;word-break:normal;max-width:28em}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .charts{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-start;margin:0;content-visibility:auto;contain-intrinsic-size:auto 240px}
        .charts p{flex-basis:100%;margin:0;color:var(--muted);font-size:13px}
        svg.chart{max-width:100%;height:auto;background:var(--card);border-radius:4px}
        .badge{display:inline-block;min-width:3.4em;padding:0 6px;border-radius:4px;font-weight:600;font-size:12px;color:#1b1d21;background:#e5e7eb;border:1px solid #6b7280;text-align:center}
        .badge.ok,.badge.pass{background:#d5f0dd;border-color:#2e8b57}
        .badge.warn{background:#fbefc4;border-color:#b7791f}
        .badge.fail,.badge.failed,.badge.error{background:#f9d9d3;border-color:#c8553d}
        .problem{border-left:4px solid #c8553d;background:var(--card);padding:6px 10px;white-space:pre-wrap}
        ul.files{padding-left:1.2em}
        .muted{color:var(--muted)}
        @media (max-width:600px){body{padding:8px}dl{grid-template-columns:1fr}dt{font-weight:600}}
        @media print{body{max-width:none;background:#fff;color:#000}nav{display:none}th{position:static}.charts,table,svg{break-inside:avoid}a{color:#000}}
        """)
}
