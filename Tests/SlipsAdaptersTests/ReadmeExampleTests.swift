import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import SlipsAdapters
import SlipsCore
import Testing

/// The README's embedding example, word for word, so the compiler checks its calls. Never
/// run: it sends a notification and moves the cutoff of `buildables.yaml`. The test below
/// asserts that the README's Swift block is exactly this body (and its imports), read back
/// from this file, so the two cannot drift apart.
private func readmeEmbeddingExample(notifyURL: URL) async throws {
    // README example: begin
    let job = SlipsJob(
        store: try BuildablesFile.open(path: "buildables.yaml"),
        notifier: NotificationServiceNotifier(url: notifyURL, transport: RetryingTransport(URLSessionTransport())),
        clock: SystemClock(),
        metrics: EmbeddedMetricsSink(.standardError),
        logger: Logger(handler: StandardErrorLogHandler()),
        options: SlipsOptions(horizonHours: 336, slipDelta: 30))
    let outcome = try await job.run()          // sends, then moves the cutoff
    print(JSONWriter.canonical(outcome.payload.payload))
    // README example: end
}

@Suite("README example")
struct ReadmeExampleTests {
    /// The first ```swift block of the README's "Embedding the library" section.
    static func readmeBlock() throws -> [String] {
        let readme = try String(contentsOf: FixturePaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let section = try #require(lines.firstIndex(of: "## Embedding the library"), "the README has no 'Embedding the library' section")
        let open = try #require(lines[section...].firstIndex(of: "```swift"), "no Swift block in that section")
        let close = try #require(lines[(open + 1)...].firstIndex(of: "```"), "the Swift block is not closed")
        return Array(lines[(open + 1)..<close])
    }

    /// The lines between the markers of ``readmeEmbeddingExample(notifyURL:)`` in this
    /// file, without the function body's four-space indentation.
    static func compiledBody() throws -> (imports: Set<String>, body: [String]) {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8).components(separatedBy: "\n")
        let begin = try #require(source.firstIndex(of: "    // README example: begin"))
        let end = try #require(source.firstIndex(of: "    // README example: end"))
        let body = source[(begin + 1)..<end].map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : $0 }
        return (Set(source.filter { $0.hasPrefix("import ") }), body)
    }

    @Test("the README's Swift block is the compiled example, line for line")
    func readmeIsCompiled() throws {
        let block = try Self.readmeBlock()
        let (imports, body) = try Self.compiledBody()
        let readmeImports = block.prefix { $0.hasPrefix("import ") || $0.isEmpty }
        #expect(readmeImports.contains { $0.hasPrefix("import ") }, "the README's block names its imports")
        for line in readmeImports where !line.isEmpty {
            #expect(imports.contains(line), "README imports \(line) but the compiled example does not")
        }
        let readmeBody = Array(block.dropFirst(readmeImports.count))
        if let difference = GoldenFile.difference(readmeBody.joined(separator: "\n"), body.joined(separator: "\n"), name: "README.md's Swift block vs \(#fileID)") {
            Issue.record(Comment(rawValue: difference))
        }
        _ = readmeEmbeddingExample  // referenced, so the compiler checks it even if unused
    }

    @Test("the same calls work: on the bundled table, as a dry run at a fixed time")
    func embedding() async throws {
        let notifyURL = URL(string: "http://127.0.0.1:9/notify")!
        let job = SlipsJob(
            store: try BuildablesFile.open(path: FixturePaths.fixture("slips/e2e_db.yaml").path),
            notifier: NotificationServiceNotifier(url: notifyURL, transport: RetryingTransport(URLSessionTransport())),
            clock: FixedClock(Timestamp.parse("2020-05-01T04:05:06Z")!),
            metrics: RecordingMetricsSink(),
            logger: .silent,
            options: SlipsOptions(horizonHours: 336, slipDelta: 30, dryRun: true))
        let outcome = try await job.run()
        #expect(JSONWriter.canonical(outcome.payload.payload) + "\n" == (try FixturePaths.text("slips/e2e_expected.json")))
    }
}
