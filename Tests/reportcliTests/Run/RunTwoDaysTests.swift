import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// Two days in one store: the second day's change report finds the first day's summaries
/// through the store (runs.json, the manifest, the files) and says so in the Slack message.
@Suite("reportcli run: two days in one store")
struct RunTwoDaysTests {
    static let registry = """
        reports:
          - name: Table Summary
            kind: table-summary
            tables:
              biospecimen: biospecimen.csv
            change_report: true

        """

    @Test("day two compares with day one and the message says how many changes since then")
    func changeReportAcrossRuns() throws {
        let scratch = try ScratchDirectory()
        let reports = try scratch.file("reports.yaml", Self.registry)
        let store = scratch.url.appendingPathComponent("store").path
        let table = scratch.url.appendingPathComponent("biospecimen.csv")
        try FileManager.default.copyItem(at: FixturePaths.fixture("quality/data/biospecimen.csv"), to: table)
        let first = try ReportCLIProcess.run(["run", "--reports", reports, "--store", store, "--date", "2024-03-14"])
        #expect(first.status == 0, "\(first.stderr)")

        try FileManager.default.removeItem(at: table)
        try FileManager.default.copyItem(at: FixturePaths.fixture("quality/data/day2/biospecimen.csv"), to: table)
        let slack = try LoopbackHTTPServer(replies: [], fallback: .status(200, body: "ok"))
        let second = try ReportCLIProcess.run(["run", "--reports", reports, "--store", store, "--date", "2024-03-15", "--slack-webhook", slack.url("/hook/X1").absoluteString])
        #expect(second.status == 0, "\(second.stderr)")
        let changes = try JSONReader.parse(try scratch.text(store + "/20240315-reports/Table_Summary/changes.json"))
        #expect(changes["previous"] == "2024-03-14")
        let message = try JSONReader.parse(try #require(slack.requests.first).text)
        let texts = message["attachments"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
        #expect(texts.contains { $0.hasPrefix("There were *") && $0.hasSuffix("since 2024-03-14") }, "\(texts)")
        let index = try JSONReader.parse(try scratch.text(store + "/runs.json"))
        #expect(index["runs"]?.arrayValue?.compactMap { $0["date"]?.stringValue } == ["2024-03-15", "2024-03-14"])
    }
}
