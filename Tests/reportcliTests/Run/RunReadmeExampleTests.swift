import Foundation
import QualityCore
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

// README run example: report begin
struct OpenTickets: Report {
    func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
        let csv = Array("ticket,age_days\nDATA-12,3\n".utf8)
        return ReportResult(
            attachments: [SlackAttachment(title: entry.name, text: "*1* open ticket")],
            files: [ReportFile(path: "tickets.csv", contentType: .csv, bytes: csv)],
            headline: [Headline(name: "open tickets", value: 1)])
    }
}
// README run example: report end

/// The README's embedding example of `reportcli run`'s library, word for word, so the
/// compiler checks its calls. Never run (it would exit the test process).
private func readmeRunExample(bytes: [UInt8], webhook: URL, myTableOpener: any TableOpener, myStopwatch: any Stopwatch) async throws {
    // README run example: begin
    var catalog = ReportCatalog.builtIn
    catalog.register(OpenTickets(), as: "open-tickets")          // `kind: open-tickets` in the reports file
    let registry = try ReportRegistry.parse(bytes, file: "reports.yaml", base: ".", customKinds: catalog.customKinds)
    let run = QualityRun(
        catalog: catalog, store: FileObjectStore(root: "out"), tables: myTableOpener,
        publisher: SlackWebhookPublisher(url: webhook), clock: SystemClock(),
        stopwatch: myStopwatch, logger: Logger(handler: StandardErrorLogHandler()))
    let outcome = try await run.run(registry, options: RunOptions(version: "1.0"))
    exit(outcome.status.code)
    // README run example: end
}

@Suite("README run example")
struct RunReadmeExampleTests {
    @Test("the README's Swift block in the run section is the compiled example, line for line")
    func readmeIsCompiled() throws {
        let readme = try String(contentsOf: FixturePaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8).components(separatedBy: "\n")
        let section = try #require(readme.firstIndex(of: "## `reportcli run`: the daily quality reports"))
        let open = try #require(readme[section...].firstIndex(of: "```swift"))
        let close = try #require(readme[(open + 1)...].firstIndex(of: "```"))
        let block = Array(readme[(open + 1)..<close])

        let source = try String(contentsOfFile: #filePath, encoding: .utf8).components(separatedBy: "\n")
        func region(_ begin: String, _ end: String, dedent: Int) throws -> [String] {
            let from = try #require(source.firstIndex(of: begin)), to = try #require(source.firstIndex(of: end))
            return source[(from + 1)..<to].map { String($0.dropFirst(min(dedent, $0.prefix { $0 == " " }.count))) }
        }
        let imports = ["import Foundation", "import QualityCore", "import ReportAdapters", "import ReportKit"]
        let expected = imports + [""]
            + (try region("// README run example: report begin", "// README run example: report end", dedent: 0)) + [""]
            + (try region("    // README run example: begin", "    // README run example: end", dedent: 4))
        if let difference = GoldenFile.difference(block.joined(separator: "\n"), expected.joined(separator: "\n"), name: "README.md's run example vs \(#fileID)") {
            Issue.record(Comment(rawValue: difference))
        }
        _ = readmeRunExample
    }

    @Test("a custom report registered by name runs in the job and its file is stored")
    func customReportRuns() async throws {
        var catalog = ReportCatalog.builtIn
        catalog.register(OpenTickets(), as: "open-tickets")
        let registry = try ReportRegistry.parse(Array("reports:\n  - {name: Open Tickets, kind: open-tickets}\n".utf8), file: "r.yaml", base: ".", customKinds: catalog.customKinds)
        let store = InMemoryObjectStore()
        let run = QualityRun(
            catalog: catalog, store: store, tables: LiveTableOpenerUnused(), publisher: nil, clock: FixedClock(Timestamp.parse("2024-03-15")!),
            stopwatch: StoppedStopwatch(), logger: .silent)
        let outcome = try await run.run(registry, options: RunOptions(version: "1.0"))
        #expect(outcome.status == .success)
        #expect(try await store.get("20240315-reports/Open_Tickets/tickets.csv") == Data("ticket,age_days\nDATA-12,3\n".utf8))
    }
}

/// A table opener for reports that open no tables: any use fails loudly.
struct LiveTableOpenerUnused: TableOpener {
    struct Unused: Error {}
    func open(_ spec: TableSourceSpec, name: String) async throws -> any TableSource { throw Unused() }
    func query(_ query: String, on source: DataSource) async throws -> any TableSource { throw Unused() }
}
