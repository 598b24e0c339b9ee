import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport

/// Runs `yaml` on in-memory tables, for the unit tests of checks.
enum CheckHarness {
    static let now = Date(timeIntervalSince1970: 1_710_072_000)  // 2024-03-10T12:00:00Z

    static func run(
        _ yaml: String, tables: [String: any TableSource], types: [String: [String: ColumnType]] = [:],
        variables: [String: String] = [:], now: Date = now, history: some CheckHistory = NoCheckHistory()
    ) async throws -> CheckResults {
        let file = try ChecksFile.parse(text: yaml, path: "test.yml", variables: variables)
        return try await CheckRun.run(file, tables: tables, types: types, now: now, history: history)
    }

    /// One result per check, in file order.
    static func outcomes(_ results: CheckResults) -> [CheckOutcome] { results.results.map(\.outcome) }

    /// A one-column table `t` with column `x`.
    static func column(_ values: [String?], name: String = "x") -> InMemoryTableSource {
        InMemoryTableSource(names: [name], rows: values.map { [$0] })
    }
}

/// A history double: the values scripted per dataset and metric, newest first.
struct ScriptedCheckHistory: CheckHistory {
    let values: [String: [Double]]

    func previousValues(dataset: String, metric: String, limit: Int) async throws -> [Double] {
        Array((values["\(dataset)/\(metric)"] ?? []).prefix(limit))
    }
}
