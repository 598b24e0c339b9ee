import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// The registry's `checks` kind in a run: the results file, the status, and change checks that
/// read this report's results of the earlier runs in the store.
@Suite("reportcli run: checks reports")
struct RunChecksTests {
    static let registry = """
        reports:
          - name: Biospecimen checks
            kind: checks
            checks: checks.yaml
            data: {biospecimen: biospecimen.csv}

        """

    static let checks = """
        checks for biospecimen:
          - row_count > 0
          - change for row_count:
              fail: when > 5
          - missing_count(shipped_on):
              warn: when > 0

        """

    @Test("day one: the change check has no earlier run (an error, so the report failed); day two compares with day one")
    func changeChecksAcrossRuns() throws {
        let scratch = try ScratchDirectory()
        let reports = try scratch.file("reports.yaml", Self.registry)
        _ = try scratch.file("checks.yaml", Self.checks)
        let store = scratch.url.appendingPathComponent("store").path
        let table = scratch.url.appendingPathComponent("biospecimen.csv")
        try FileManager.default.copyItem(at: FixturePaths.fixture("quality/data/biospecimen.csv"), to: table)

        let first = try ReportCLIProcess.run(["run", "--reports", reports, "--store", store, "--date", "2024-03-14"])
        #expect(first.status == 1, "\(first.stderr)")
        let day1 = try JSONReader.parse(try scratch.text(store + "/20240314-reports/Biospecimen_checks/results.json"))
        #expect(day1["checks"]?.arrayValue?.map { $0["outcome"]?.stringValue ?? "" } == ["pass", "error", "warn"], "\(day1)")

        // Day two: 40 rows → 45 rows, a change of 5, exactly the limit: it passes.
        var rows = try scratch.text(table.path)
        for extra in 1...5 { rows += "BS_9\(extra),PT_0001,Blood,10.0,2024-03-01,True,GRU\n" }
        try Data(rows.utf8).write(to: table)
        let second = try ReportCLIProcess.run(["run", "--reports", reports, "--store", store, "--date", "2024-03-15"])
        #expect(second.status == 0, "\(second.stderr)")
        let day2 = try JSONReader.parse(try scratch.text(store + "/20240315-reports/Biospecimen_checks/results.json"))
        let change = try #require(day2["checks"]?.arrayValue?[1])
        #expect(change["outcome"] == "pass" && change["value"] == 5, "\(change)")
        let manifest = try JSONReader.parse(second.stdout)
        #expect(manifest["reports"]?.arrayValue?.first?["status"] == "warn")
        #expect(manifest["reports"]?.arrayValue?.first?["headline"]?.arrayValue?.first == ["name": "checks failed", "value": 0])

        // Day three: 10 more rows, over the limit: the report fails, and its Slack attachment says which check.
        for extra in 1...10 { rows += "BS_8\(extra),PT_0001,Blood,10.0,2024-03-01,True,GRU\n" }
        try Data(rows.utf8).write(to: table)
        let slack = try LoopbackHTTPServer(replies: [], fallback: .status(200, body: "ok"))
        let third = try ReportCLIProcess.run(["run", "--reports", reports, "--store", store, "--date", "2024-03-16", "--slack-webhook", slack.url("/hook/X1").absoluteString])
        #expect(third.status == 1, "\(third.stderr)")
        let message = try JSONReader.parse(try #require(slack.requests.first).text)
        let texts = message["attachments"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
        #expect(texts.contains { $0.contains("fail: biospecimen: change for row_count") }, "\(texts)")
    }
}
