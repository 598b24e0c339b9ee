import Foundation
import ReportKit

/// The viewer's one script, a constant of the program (its SHA-256 goes in the page's
/// Content-Security-Policy, so no other script can run). It reads the embedded runs with
/// `JSON.parse(textContent)` and builds every element with `createElement` and
/// `textContent`: no string from a manifest is ever parsed as HTML.
enum ViewerScript {
    static let code: StaticString = """
        "use strict";
        (function () {
          var data = JSON.parse(document.getElementById("reportkit-runs").textContent);
          var runs = data.runs || [];
          var byId = function (id) { return document.getElementById(id); };
          var symbols = { ok: "\\u2713", warn: "!", failed: "\\u2717" };
          function el(tag, text, cls) {
            var node = document.createElement(tag);
            if (text !== undefined && text !== null) node.textContent = String(text);
            if (cls) node.className = cls;
            return node;
          }
          function path(text) { return text.split("/").map(encodeURIComponent).join("/"); }
          function hash(date, folder) { return "#" + encodeURIComponent(date) + (folder ? "/" + encodeURIComponent(folder) : ""); }
          function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
          function runStatus(run) {
            if (run.failed > 0) return run.failed + " failed";
            if (run.warned > 0) return run.warned + " warned";
            return "all passed";
          }
          function badge(status) {
            var known = { ok: 1, warn: 1, failed: 1 };
            return el("span", status || "none", known[status] ? "badge " + status : "badge");
          }
          function bytes(count) {
            if (typeof count !== "number") return "";
            if (count < 1000) return count + " B";
            if (count < 1000000) return (count / 1000).toFixed(1) + " kB";
            return (count / 1000000).toFixed(1) + " MB";
          }
          function location() {
            var text = window.location.hash.slice(1), slash = text.indexOf("/"), date = "", folder = null;
            try {
              date = decodeURIComponent(slash < 0 ? text : text.slice(0, slash));
              folder = slash < 0 ? null : decodeURIComponent(text.slice(slash + 1));
            } catch (error) { date = ""; folder = null; }
            return { date: date, folder: folder };
          }
          function link(text, href, cls) { var a = el("a", text, cls); a.href = href; return a; }
          function showRuns(current) {
            var list = byId("run-list");
            clear(list);
            runs.forEach(function (run, index) {
              var item = el("li");
              var a = link("", hash(run.date), "run " + (run.failed > 0 ? "failed" : run.warned > 0 ? "warn" : "ok"));
              a.appendChild(el("span", run.date, "date"));
              a.appendChild(el("span", runStatus(run), "status"));
              if (index === current) a.setAttribute("aria-current", "page");
              item.appendChild(a);
              list.appendChild(item);
            });
          }
          function showReports(run, folder) {
            var list = byId("report-list");
            clear(list);
            run.reports.forEach(function (report) {
              var item = el("li");
              item.setAttribute("data-search", (report.name + " " + report.kind + " " + report.status).toLowerCase());
              var a = link("", hash(run.date, report.folder));
              a.appendChild(badge(report.status));
              a.appendChild(el("span", " " + report.name, "name"));
              a.appendChild(el("span", " " + report.kind, "kind"));
              if (report.folder === folder) a.setAttribute("aria-current", "page");
              item.appendChild(a);
              list.appendChild(item);
            });
            filter();
          }
          function filter() {
            var words = byId("search").value.toLowerCase().split(/\\s+/).filter(Boolean);
            var shown = 0;
            Array.prototype.forEach.call(byId("report-list").children, function (item) {
              var text = item.getAttribute("data-search");
              var match = words.every(function (word) { return text.indexOf(word) >= 0; });
              item.hidden = !match;
              if (match) shown += 1;
            });
            byId("search-count").textContent = shown + " of " + byId("report-list").children.length + " reports";
          }
          function showNeighbours(index, folder) {
            var nav = byId("run-nav");
            clear(nav);
            var newer = runs[index - 1], older = runs[index + 1];
            var target = function (run) {
              var has = folder && run.reports.some(function (report) { return report.folder === folder; });
              return hash(run.date, has ? folder : null);
            };
            nav.appendChild(older ? link("\\u2190 older run " + older.date, target(older), "older") : el("span", "no older run", "muted"));
            nav.appendChild(newer ? link("newer run " + newer.date + " \\u2192", target(newer), "newer") : el("span", "no newer run", "muted"));
          }
          function showHistory(index, report) {
            var strip = byId("history");
            clear(strip);
            var start = Math.max(0, index - 29);
            var span = runs.slice(start, start + 30).reverse();
            span.forEach(function (run) {
              var found = run.reports.filter(function (other) { return other.folder === report.folder; })[0];
              var status = found ? found.status : "absent";
              var label = run.date + ": " + (found ? status : "no such report");
              var cell = found ? link(symbols[status] || "?", hash(run.date, report.folder), "cell " + status) : el("span", "\\u00b7", "cell absent");
              cell.title = label;
              cell.setAttribute("aria-label", label);
              if (run === runs[index]) cell.setAttribute("aria-current", "page");
              strip.appendChild(cell);
            });
          }
          function showReport(run, index, report) {
            var section = byId("report");
            if (!report) { section.hidden = true; return; }
            section.hidden = false;
            var folder = run.dir + "/" + report.folder + "/";
            byId("report-title").textContent = report.name;
            var meta = byId("report-meta");
            clear(meta);
            var details = report.details || {};
            var facts = [["run", run.date], ["kind", report.kind], ["status", report.status]];
            if (typeof details.seconds === "number") facts.push(["took", details.seconds.toFixed(2) + " s"]);
            if (details.error) facts.push(["error", details.error]);
            (details.request || []).forEach(function (fact) { facts.push(fact); });
            (details.headline || []).forEach(function (fact) { facts.push([fact[0], String(fact[1])]); });
            facts.forEach(function (fact) { meta.appendChild(el("dt", fact[0])); meta.appendChild(el("dd", fact[1])); });
            showHistory(index, report);
            var downloads = byId("downloads");
            clear(downloads);
            var files = [{ path: "report.html", label: "page" }, { path: "report.ipynb", label: "notebook" }];
            (details.files || []).forEach(function (file) {
              if (file.path !== "report.html" && file.path !== "report.ipynb") files.push({ path: file.path, label: file.type.split(";")[0], bytes: file.bytes });
            });
            files.forEach(function (file) {
              var item = el("li");
              var a = link(file.path, path(folder + file.path));
              a.setAttribute("download", file.path.split("/").pop());
              item.appendChild(a);
              item.appendChild(el("span", " " + file.label + (file.bytes !== undefined ? ", " + bytes(file.bytes) : ""), "muted"));
              downloads.appendChild(item);
            });
            var manifest = el("li");
            manifest.appendChild(link(run.manifest, path(run.manifest)));
            manifest.appendChild(el("span", " the run's manifest", "muted"));
            downloads.appendChild(manifest);
            // A new frame per report: changing a frame's src would add a history entry, and
            // the back button would walk the frame instead of the selections.
            var frame = byId("report-frame");
            var source = path(folder + "report.html");
            if (frame.getAttribute("src") !== source) {
              var fresh = document.createElement("iframe");
              fresh.id = "report-frame";
              fresh.setAttribute("sandbox", "allow-downloads");
              fresh.setAttribute("src", source);
              frame.parentNode.replaceChild(fresh, frame);
              frame = fresh;
            }
            frame.title = "Report page: " + report.name;
          }
          function render() {
            if (runs.length === 0) { byId("empty").hidden = false; byId("viewer").hidden = true; return; }
            var at = location();
            var index = runs.findIndex(function (run) { return run.date === at.date; });
            if (index < 0) index = 0;
            var run = runs[index];
            var report = run.reports.filter(function (candidate) { return candidate.folder === at.folder; })[0] || run.reports[0];
            showRuns(index);
            byId("run-title").textContent = "Run of " + run.date;
            byId("run-status").textContent = runStatus(run) + " \\u00b7 " + run.reports.length + " reports";
            showNeighbours(index, report ? report.folder : null);
            showReports(run, report ? report.folder : null);
            showReport(run, index, report);
            document.title = (report ? report.name + " \\u00b7 " : "") + run.date + " \\u00b7 " + data.title;
          }
          byId("search").addEventListener("input", filter);
          window.addEventListener("hashchange", render);
          render();
        })();
        """

    static let source = ScriptSource(code)

    /// The script's hash as a CSP source: `'sha256-…'`.
    static var cspHash: String {
        "'sha256-" + Data(SHA256.hash(Array(code.description.utf8))).base64EncodedString() + "'"
    }
}
