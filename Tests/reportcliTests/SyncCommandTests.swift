import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli sync` as a process, against a BLS-style loopback server whose listing changes
/// between runs, into a directory store.
@Suite("reportcli sync")
struct SyncCommandTests {
    /// Runs reportcli on a thread of its own, so the wait does not hold one of the few
    /// threads the other tests' tasks run on.
    static func reportcli(_ arguments: [String], environment: [String: String] = [:]) async throws -> ReportCLIProcess.Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try ReportCLIProcess.run(arguments, environment: environment) }) }.start()
        }
    }

    static func tsv(_ rows: Int, seed: Int) -> Data {
        var text = "series_id        \tyear\tperiod\tvalue\tfootnote_codes\n"
        for row in 0..<rows { text += "PRS30006011      \t\(2000 + row % 25)\tQ0\(row % 4 + 1)\t\(Double(row * seed) / 10)\t\n" }
        return Data(text.utf8)
    }

    static func sync(_ server: BLSStyleServer, store: String, _ extra: [String] = []) async throws -> (ReportCLIProcess.Outcome, JSONValue?) {
        let run = try await Self.reportcli(
            ["sync", "--source", server.listingURL, "--into", "bls/pr", "--store", store, "--delay", "0", "--contact", "ops@example.org"] + extra)
        return (run, try? JSONReader.parse(run.stdout))
    }

    static func names(_ report: JSONValue?, _ fate: String) -> [String] {
        report?["sources"]?.arrayValue?.first?[fate]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? ["<no report>"]
    }

    static func inode(_ path: String) -> UInt64 {
        var status = stat()
        return stat(path, &status) == 0 ? UInt64(status.st_ino) : 0
    }

    @Test("a listing that changes between runs: new, changed, date-only, deleted, a 500 that recovers; the unchanged run asks for nothing; 304s")
    func changingListing() async throws {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("staging").path
        let server = try BLSStyleServer()
        let date = "8/6/2026  8:30 AM"
        server.set("pr.class", .init(body: Data("class_code\tclass_text\n1\tAll workers\n".utf8), date: date, etag: "\"c1\""))
        server.set("pr.data.0.Current", .init(body: Self.tsv(20_000, seed: 3), date: date))
        server.set("pr.series", .init(body: Data("series_id\tsector_code\nPRS1\t30006\n".utf8), date: date))
        server.set("pr.footnote", .init(body: Data("footnote_code\tfootnote_text\n".utf8), date: date))
        server.set("pr.old", .init(body: Data("gone soon\n".utf8), date: date))
        server.set("pr.flaky", .init(body: Data("flaky\tfile\n".utf8), date: date, failing: true))

        // Run 1: everything is new; the failing file is retried, then reported and left out.
        let (first, firstReport) = try await Self.sync(server, store: store)
        #expect(first.status == 3, "\(first.stderr)")
        #expect(Self.names(firstReport, "new") == ["pr.class", "pr.data.0.Current", "pr.footnote", "pr.old", "pr.series"])
        #expect(Self.names(firstReport, "failed") == ["pr.flaky"])
        #expect(firstReport?["sources"]?.arrayValue?.first?["refused"]?.arrayValue?.count == 1, "the %2e%2e link")
        #expect(server.fileRequests.filter { $0.target.hasSuffix("pr.flaky") }.count == 4, "retried: 4 attempts")
        var manifest = try JSONReader.parse(try scratch.text(store + "/.reportkit/sync/bls-pr.json"))
        #expect(manifest["files"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["pr.class", "pr.data.0.Current", "pr.footnote", "pr.old", "pr.series"])
        #expect(!FileManager.default.fileExists(atPath: store + "/bls/pr/pr.flaky"))
        #expect(!FileManager.default.fileExists(atPath: store + "/escape") && !FileManager.default.fileExists(atPath: scratch.url.path + "/escape"))
        let footnoteInode = Self.inode(store + "/bls/pr/pr.footnote")

        // Run 2: the source moved on.
        let later = "8/7/2026  9:15 AM"
        server.update("pr.series") { $0.body = Data("series_id\tsector_code\nPRS1\t30006\nPRS2\t30007\n".utf8); $0.date = later }
        server.update("pr.footnote") { $0.date = later }
        server.set("pr.old", nil)
        server.update("pr.flaky") { $0.failing = false }
        server.set("pr.new", .init(body: Data("new\tfile\n".utf8), date: later))
        let (second, secondReport) = try await Self.sync(server, store: store)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.names(secondReport, "new") == ["pr.flaky", "pr.new"])
        #expect(Self.names(secondReport, "changed") == ["pr.series"])
        #expect(Self.names(secondReport, "unchanged") == ["pr.class", "pr.data.0.Current", "pr.footnote"])
        #expect(Self.names(secondReport, "deleted") == ["pr.old"])
        #expect(secondReport?["changed"] == true)
        #expect(!FileManager.default.fileExists(atPath: store + "/bls/pr/pr.old"))
        #expect(Self.inode(store + "/bls/pr/pr.footnote") == footnoteInode, "same bytes, new date: not written again")

        // The manifest matches the store: every file's size and SHA-256, and nothing else there.
        manifest = try JSONReader.parse(try scratch.text(store + "/.reportkit/sync/bls-pr.json"))
        let files = try #require(manifest["files"]?.arrayValue)
        let stored = try FileManager.default.contentsOfDirectory(atPath: store + "/bls/pr").filter { !$0.hasPrefix(".") }.sorted()
        #expect(files.compactMap { $0["name"]?.stringValue } == stored)
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: store + "/" + (file["key"]?.stringValue ?? "")))
            #expect(file["size"]?.intValue == bytes.count)
            #expect(file["sha256"]?.stringValue == SHA256.hex(bytes))
        }
        #expect(files.first { $0["name"] == "pr.footnote" }?["listing-date"] == "2026-08-07T09:15")
        #expect(files.first { $0["name"] == "pr.class" }?["etag"] == "\"c1\"")

        // Run 3: nothing changed: no file is asked for.
        let before = server.fileRequests.count
        let (third, thirdReport) = try await Self.sync(server, store: store)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(server.fileRequests.count == before, "no request for any file")
        #expect(Self.names(thirdReport, "new") + Self.names(thirdReport, "changed") + Self.names(thirdReport, "deleted") == [])
        #expect(thirdReport?["sources"]?.arrayValue?.first?["bytes"]?["downloaded"] == 0)
        #expect(thirdReport?["changed"] == false)

        // Run 4: the listing date of the file with an ETag moves: a conditional request, a 304, nothing downloaded.
        server.update("pr.class") { $0.date = later }
        let (fourth, fourthReport) = try await Self.sync(server, store: store)
        #expect(fourth.status == 0, "\(fourth.stderr)")
        let conditional = try #require(server.fileRequests.last)
        #expect(conditional.target.hasSuffix("/pr.class") && conditional.headers["if-none-match"] == "\"c1\"")
        #expect(Self.names(fourthReport, "unchanged").contains("pr.class"))
        #expect(fourthReport?["sources"]?.arrayValue?.first?["bytes"]?["downloaded"] == 0)
        #expect(server.fileRequests.count == before + 1)

        // Every request was polite.
        #expect(server.server.requests.allSatisfy { $0.headers["user-agent"] == "ReportKit/0.1.0 (+mailto:ops@example.org)" })
    }

    @Test("without a contact the server answers 403: exit 3 and a hint; REPORTKIT_CONTACT supplies one")
    func contactNeeded() async throws {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("staging").path
        let server = try BLSStyleServer()
        server.set("pr.class", .init(body: Data("a\tb\n".utf8), date: "8/6/2026  8:30 AM"))
        let arguments = ["sync", "--source", server.listingURL, "--into", "bls/pr/", "--store", store, "--delay", "0"]
        let refused = try await Self.reportcli(arguments)
        #expect(refused.status == 3)
        let report = try JSONReader.parse(refused.stdout)
        #expect(report["sources"]?.arrayValue?.first?["error"]?.stringValue?.contains("HTTP 403") == true)
        #expect(report["sources"]?.arrayValue?.first?["error"]?.stringValue?.contains("--contact") == true)
        #expect(refused.stderr.contains("no --contact"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store + "/.reportkit/sync/bls-pr.json"))
        let allowed = try await Self.reportcli(arguments, environment: ["REPORTKIT_CONTACT": "data@example.org"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(Self.names(try? JSONReader.parse(allowed.stdout), "new") == ["pr.class"])
        #expect(server.server.requests.last?.headers["user-agent"] == "ReportKit/0.1.0 (+mailto:data@example.org)")
    }

    @Test("--dryrun plans and writes nothing; --keep-deleted keeps what the source dropped")
    func dryrunAndKeep() async throws {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("staging").path
        let server = try BLSStyleServer()
        server.set("pr.a", .init(body: Data("a\n".utf8), date: "8/6/2026  8:30 AM"))
        server.set("pr.b", .init(body: Data("b\n".utf8), date: "8/6/2026  8:30 AM"))
        let (dry, dryReport) = try await Self.sync(server, store: store, ["--dryrun"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(Self.names(dryReport, "new") == ["pr.a", "pr.b"])
        #expect(dryReport?["sources"]?.arrayValue?.first?["dryrun"] == true)
        #expect(server.fileRequests.isEmpty && !FileManager.default.fileExists(atPath: store + "/bls"))
        _ = try await Self.sync(server, store: store)
        server.set("pr.b", nil)
        let (kept, keptReport) = try await Self.sync(server, store: store, ["--keep-deleted"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(Self.names(keptReport, "deleted") == [] && Self.names(keptReport, "kept") == ["pr.b"])
        #expect(FileManager.default.fileExists(atPath: store + "/bls/pr/pr.b"))
    }

    @Test("a sources file with a problem is exit 2 at its place; usage errors name the option")
    func usage() async throws {
        let scratch = try ScratchDirectory()
        let file = try scratch.file("sources.yaml", "sources:\n  - name: a\n    kind: ftp\n    into: x/\n")
        let bad = try await Self.reportcli(["sync", "--sources", file, "--store", scratch.url.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("sources.yaml:3:11: error: sources: sources[0].kind: expected one of http-listing, url, directory, store, found 'ftp'"), "\(bad.stderr)")
        let neither = try await Self.reportcli(["sync", "--store", scratch.url.path])
        #expect(neither.status == 2 && neither.stderr.contains("needs --sources FILE or --source"), "\(neither.stderr)")
        let noInto = try await Self.reportcli(["sync", "--source", "http://127.0.0.1:1/x/", "--store", scratch.url.path])
        #expect(noInto.status == 2 && noInto.stderr.contains("--into"), "\(noInto.stderr)")
        let thenRun = try await Self.reportcli(["sync", "--source", "http://127.0.0.1:1/x/", "--into", "x", "--store", scratch.url.path, "--then-run"])
        #expect(thenRun.status == 2 && thenRun.stderr.contains("--then-run needs --reports FILE"), "\(thenRun.stderr)")
        let alone = try await Self.reportcli(["sync", "--source", "http://127.0.0.1:1/x/", "--into", "x", "--store", scratch.url.path, "--reports", file])
        #expect(alone.status == 2 && alone.stderr.contains("--reports goes with --then-run"), "\(alone.stderr)")
        let delay = try await Self.reportcli(["sync", "--source", "http://127.0.0.1:1/x/", "--into", "x", "--store", scratch.url.path, "--delay", "-1"])
        #expect(delay.status == 2 && delay.stderr.contains("--delay"), "\(delay.stderr)")
    }

    @Test("--then-run: the quality run follows a sync that changed something, and only then")
    func thenRun() async throws {
        let scratch = try ScratchDirectory()
        let source = scratch.url.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data("a,b\n1,2\n".utf8).write(to: source.appendingPathComponent("orders.csv"))
        let reportsFile = try scratch.file("reports.yaml", """
            reports:
              - name: Orders
                kind: table-summary
                tables: {orders: staging/local/orders.csv}
            """)
        let store = scratch.url.appendingPathComponent("staging").path
        let line = ["sync", "--source", source.path, "--into", "local", "--store", store, "--then-run", "--reports", reportsFile,
                    "--reports-store", scratch.url.appendingPathComponent("reports").path]
        let first = try await Self.reportcli(line)
        #expect(first.status == 0, "\(first.stderr)")
        let output = try JSONReader.parse(first.stdout)
        #expect(output["changed"]?.boolValue == true)
        #expect(output["run"]?["reports"]?.arrayValue?.first?["status"]?.stringValue == "ok", "\(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.path + "/reports/runs.json"))
        let second = try await Self.reportcli(line)
        #expect(second.status == 0, "\(second.stderr)")
        let unchanged = try JSONReader.parse(second.stdout)
        #expect(unchanged["changed"]?.boolValue == false && unchanged["run"]?.isNull == true, "\(second.stdout)")
        #expect(second.stderr.contains("nothing changed"), "\(second.stderr)")
    }

    @Test("a local directory source: files below it, nested names kept, deletions followed")
    func directorySource() async throws {
        let scratch = try ScratchDirectory()
        let source = scratch.url.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("2026"), withIntermediateDirectories: true)
        try Data("a,b\n1,2\n".utf8).write(to: source.appendingPathComponent("2026/orders.csv"))
        try Data("{\"n\": 1}".utf8).write(to: source.appendingPathComponent("meta.json"))
        let store = scratch.url.appendingPathComponent("staging").path
        let arguments = ["sync", "--source", source.path, "--into", "exports/", "--store", store]
        let first = try await Self.reportcli(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.names(try? JSONReader.parse(first.stdout), "new") == ["2026/orders.csv", "meta.json"])
        #expect(try scratch.text(store + "/exports/2026/orders.csv") == "a,b\n1,2\n")
        try FileManager.default.removeItem(at: source.appendingPathComponent("meta.json"))
        let second = try await Self.reportcli(arguments)
        let report = try? JSONReader.parse(second.stdout)
        #expect(Self.names(report, "deleted") == ["meta.json"] && Self.names(report, "unchanged") == ["2026/orders.csv"])
    }

    @Test("a sources file: a relative directory is read from the file's folder; one report per source")
    func sourcesFile() async throws {
        let scratch = try ScratchDirectory()
        let exports = scratch.url.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try Data("x,y\n".utf8).write(to: exports.appendingPathComponent("a.csv"))
        try Data("notes".utf8).write(to: exports.appendingPathComponent("a.txt"))
        let server = try BLSStyleServer()
        server.set("pr.class", .init(body: Data("a\tb\n".utf8), date: "8/6/2026  8:30 AM"))
        let file = try scratch.file("sources.yaml", """
            sources:
              - {name: exports, kind: directory, path: exports, into: local/, exclude: "*.txt"}
              - {name: bls-pr, kind: http-listing, url: "\(server.listingURL)", into: bls/pr/}
            """)
        let store = scratch.url.appendingPathComponent("staging").path
        let run = try await Self.reportcli(["sync", "--sources", file, "--store", store, "--delay", "0", "--contact", "ops@example.org"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONReader.parse(run.stdout)
        let sources = try #require(report["sources"]?.arrayValue)
        #expect(sources.compactMap { $0["source"]?.stringValue } == ["exports", "bls-pr"])
        #expect(sources.map { $0["new"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [] } == [["a.csv"], ["pr.class"]])
        #expect(FileManager.default.fileExists(atPath: store + "/local/a.csv") && !FileManager.default.fileExists(atPath: store + "/local/a.txt"))
        #expect(FileManager.default.fileExists(atPath: store + "/.reportkit/sync/exports.json"))
    }
}
