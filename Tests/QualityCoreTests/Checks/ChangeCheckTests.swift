import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Checks: change over runs")
struct ChangeCheckTests {
    static let yaml = """
        checks for t:
          - change for row_count < 2
          - change percent for row_count > 40
          - change avg last 3 for row_count = 1
          - change for missing_count(x) = 1
        """
    static let table = CheckHarness.column(["1", nil, "3"])

    @Test("difference, percent and average of the last N against the previous values")
    func scripted() async throws {
        let history = ScriptedCheckHistory(values: ["t/row_count": [2, 3, 1, 99], "t/missing_count(x)": [0]])
        let results = try await CheckHarness.run(Self.yaml, tables: ["t": Self.table], history: history)
        #expect(results.results.map(\.value) == [1, 50, 1, 1])
        #expect(CheckHarness.outcomes(results) == [.pass, .pass, .pass, .pass])
        #expect(results.results[2].details?["previous"] == [2, 3, 1])
    }

    @Test("without an earlier run a change check is an error result 'no earlier run'")
    func noHistory() async throws {
        let results = try await CheckHarness.run(Self.yaml, tables: ["t": Self.table])
        #expect(CheckHarness.outcomes(results) == [.error, .error, .error, .error])
        #expect(results.results[0].reason?.hasPrefix("no earlier run measured row_count on t") == true)
    }

    @Test("a change in percent from 0 is an error")
    func fromZero() async throws {
        let history = ScriptedCheckHistory(values: ["t/row_count": [0]])
        let results = try await CheckHarness.run("checks for t:\n  - change percent for row_count < 10\n", tables: ["t": Self.table], history: history)
        #expect(results.results[0].outcome == .error)
    }

    @Test("the results' metrics read back as history: a later run sees this run's values, an earlier one not")
    func roundTrip() async throws {
        let first = try await CheckHarness.run(
            "checks for t:\n  - missing_count(x) = 1:\n      missing values: [\"3\"]\n", tables: ["t": Self.table], now: CheckHarness.now)
        #expect(first.metrics.contains(MeasuredMetric(dataset: "t", metric: "missing_count(x) [missing values: 3]", value: 2)))
        #expect(first.metrics.contains(MeasuredMetric(dataset: "t", metric: "row_count", value: 3)))
        let json = try JSONReader.parse(JSONWriter.canonical(first.json))
        let later = CheckHarness.now.addingTimeInterval(86_400)
        let history = try RecordedCheckHistory(results: [("first.json", json)], before: later)
        let second = try await CheckHarness.run(
            "checks for t:\n  - change for row_count = 1\n  - change for missing_count(x) = 0:\n      missing values: [\"3\"]\n",
            tables: ["t": CheckHarness.column(["1", nil, "3", "4"])], now: later, history: history)
        #expect(second.results.map(\.value) == [1, 0])
        let before = try RecordedCheckHistory(results: [("first.json", json)], before: CheckHarness.now)
        #expect(try await before.previousValues(dataset: "t", metric: "row_count", limit: 1) == [])
    }

    @Test("a file that is not a checks result is a history error naming it")
    func badHistory() {
        #expect(throws: CheckHistoryError("x.json is not a 'reportcli check' result (it needs 'now' and 'metrics')")) {
            try RecordedCheckHistory(results: [("x.json", ["a": 1])], before: CheckHarness.now)
        }
    }
}
