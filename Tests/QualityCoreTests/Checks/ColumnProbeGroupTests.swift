import Foundation
@testable import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// Column metrics on one column read its cells once, as a ``ColumnProbeGroup``: each check's
/// result is the one it gets alone in its checks file, failures, samples and all.
@Suite struct ColumnProbeGroupTests {
    /// Checks on `v` under different rules: counts, aggregates, lengths, a percentile, a
    /// missing count that reads no value, and checks that fail on a value not of the type.
    static let checks = [
        "missing_count(v) = 0",
        "missing_count(v) = 0:\n      missing values: [n/a, '-1']",
        "invalid_count(v) = 0:\n      valid min: 0\n      valid max: 50",
        "min(v) > -100",
        "max(v) < 100",
        "avg(v) > 0:\n      missing values: ['-1']",
        "stddev(v) > 0",
        "sum(v) > 0:\n      valid max: 60",
        "percentile(v, 0.9) < 80",
        "avg_length(t) > 1",
        "max_length(t) < 9:\n      missing values: [zz]",
        "invalid_percent(t) < 50 %:\n      valid regex: ^[a-m]",
    ]

    static func table(badAt bad: Int?) -> InMemoryTableSource {
        let texts = ["apple", "zz", "kiwi", "æøå", "fig", "n/a", "melon"]
        let rows: [[String?]] = (0..<700).map { index in
            let value: String? = index == bad ? "oops" : index % 13 == 0 ? nil : index % 17 == 0 ? "n/a" : index % 19 == 0 ? "-1" : String(Double(index % 97) - 20.5)
            return [value, index % 11 == 0 ? nil : texts[index % texts.count]]
        }
        return InMemoryTableSource(names: ["v", "t"], rows: rows)
    }

    @Test("each check's result in a group equals its result alone, the column declared a number or not",
          arguments: [nil, 5, 400], [false, true])
    func sameAsAlone(badAt bad: Int?, declared: Bool) async throws {
        let table = Self.table(badAt: bad)
        let types: [String: [String: ColumnType]] = declared ? ["d": ["v": .number]] : [:]
        let together = "checks for d:\n" + Self.checks.map { "  - \($0)\n" }.joined()
        let grouped = try await CheckHarness.run(together, tables: ["d": table], types: types)
        #expect(grouped.results.count == Self.checks.count)
        var line = 2  // each check alone sits on the line it has in the group's file: messages name it
        for (position, check) in Self.checks.enumerated() {
            let padding = String(repeating: "#\n", count: line - 2)
            line += check.split(separator: "\n").count
            let alone = try await CheckHarness.run(padding + "checks for d:\n  - \(check)\n", tables: ["d": table], types: types)
            let mine = grouped.results[position], theirs = alone.results[0]
            #expect(mine.outcome == theirs.outcome, "\(check)")
            #expect(mine.value == theirs.value, "\(check)")
            #expect(mine.reason == theirs.reason, "\(check)")
            #expect(mine.failedRows == theirs.failedRows, "\(check)")
        }
        if bad != nil {
            #expect(grouped.results.contains { $0.outcome == .error }, "a value not a number stops the numeric checks")
            #expect(grouped.results[0].outcome != .error, "a missing count reads no value")
        }
    }

    @Test("the plan makes one group per column of two or more column metrics, in the place of the first")
    func planGroups() throws {
        let file = try ChecksFile.parse(
            text: "checks for d:\n  - min(a) > 0\n  - row_count > 0\n  - max(b) > 0\n  - avg(a) > 0\n  - duplicate_count(a) = 0\n",
            path: "p.yml")
        let plan = CheckPlan(file)
        let kinds = (plan.probes["d"] ?? []).map { String(describing: type(of: $0)) }
        #expect(kinds == ["ColumnProbeGroup", "ColumnMetricProbe", "DuplicateProbe"])
        #expect((plan.probes["d"]?.first as? ColumnProbeGroup)?.members.map(\.metric.text) == ["min(a)", "avg(a)"])
    }
}
