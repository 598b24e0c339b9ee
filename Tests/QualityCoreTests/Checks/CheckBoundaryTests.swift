import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Checks: thresholds, boundaries and undefined metrics")
struct CheckBoundaryTests {
    static let three = CheckHarness.column(["1", "2", "3"])

    @Test("a threshold equal to the value: = <= >= and between pass, < > and not between fail")
    func equalToValue() async throws {
        let yaml = """
            checks for t:
              - row_count = 3
              - row_count <= 3
              - row_count >= 3
              - row_count < 3
              - row_count > 3
              - row_count between 3 and 3
              - row_count not between 3 and 5
              - row_count != 3
            """
        let results = try await CheckHarness.run(yaml, tables: ["t": Self.three])
        #expect(CheckHarness.outcomes(results) == [.pass, .pass, .pass, .fail, .fail, .pass, .fail, .fail])
        #expect(results.results.allSatisfy { $0.value == 3 })
    }

    @Test("warn and fail zones: fail is tested first, a value on a zone's bound is in it")
    func zones() async throws {
        let yaml = """
            checks for t:
              - row_count:
                  warn: when > 1
                  fail: when > 2
              - row_count:
                  warn: when >= 3
                  fail: when > 3
              - row_count:
                  warn: when < 3
                  fail: when < 2
            """
        let results = try await CheckHarness.run(yaml, tables: ["t": Self.three])
        #expect(CheckHarness.outcomes(results) == [.fail, .warn, .pass])
        #expect(results.results[0].threshold == ["fail": "> 2", "warn": "> 1"])
    }

    @Test("an empty table: counts and percents are 0, aggregates undefined, freshness fails")
    func emptyTable() async throws {
        let yaml = """
            checks for t:
              - row_count = 0
              - missing_count(x) = 0
              - missing_percent(x) = 0
              - invalid_percent(x) = 0:
                  valid values: [a]
              - duplicate_count(x) = 0
              - duplicate_percent(x) = 0
              - avg(x) = 0
              - sum(x) = 0
              - min_length(x) = 0
              - percentile(x, 0.5) = 0
              - freshness(x) < 1d
            """
        let results = try await CheckHarness.run(yaml, tables: ["t": CheckHarness.column([])])
        #expect(CheckHarness.outcomes(results) == [.pass, .pass, .pass, .pass, .pass, .pass, .error, .error, .error, .error, .fail])
        #expect(results.results[6].reason?.contains("undefined") == true)
        #expect(results.results[10].value == nil)
    }

    @Test("an all-missing column: missing is every row, 100 %; the metrics over no values are errors")
    func allMissing() async throws {
        let yaml = """
            checks for t:
              - missing_count(x) = 3
              - missing_percent(x) = 100
              - invalid_count(x) = 0:
                  valid min: 1
              - avg(x) = 0
              - stddev(x) = 0
              - max(x) = 0
              - row_count = 3
            """
        let results = try await CheckHarness.run(yaml, tables: ["t": CheckHarness.column([nil, nil, nil])], types: ["t": ["x": .number]])
        #expect(CheckHarness.outcomes(results) == [.pass, .pass, .pass, .error, .error, .error, .pass])
        #expect(results.summary == "7 checks: 4 passed, 0 warned, 0 failed, 3 errors")
        #expect(results.status == .fail)
    }

    @Test("percents round the double of 100·count/rows to 2 decimals, ties to even", arguments: [
        (1, 800, 0.12), (3, 800, 0.38), (5, 800, 0.62), (7, 800, 0.88), (203, 20_000, 1.01), (207, 20_000, 1.03),
        (201, 20_000, 1.0), (2, 3, 66.67), (1, 3, 33.33), (0, 0, 0.0), (5, 0, 0.0), (12, 12, 100.0),
    ])
    func percentRounding(count: Int, rows: Int, expected: Double) async throws {
        let cells: [String?] = (0..<rows).map { $0 < count ? nil : "v" }
        let results = try await CheckHarness.run("checks for t:\n  - missing_percent(x) = \(expected)\n", tables: ["t": CheckHarness.column(cells)])
        #expect(results.results[0].value == expected)
        #expect(results.results[0].outcome == .pass)
    }

    @Test("percentile is the nearest rank ⌈q·n⌉ with q exact: 0.28 of 1…25 is 7")
    func percentile() async throws {
        let yaml = """
            checks for t:
              - percentile(x, 0.28) = 7
              - percentile(x, 0) = 1
              - percentile(x, 1) = 25
              - percentile(x, 0.041) = 2
            """
        let values = (1...25).reversed().map { String($0) } as [String?]
        let results = try await CheckHarness.run(yaml, tables: ["t": CheckHarness.column(values)])
        #expect(results.results.map(\.value) == [7, 1, 25, 2])
    }

    @Test("stddev is the sample deviation; avg, sum, min and max skip missing and invalid values")
    func aggregates() async throws {
        let yaml = """
            checks for t:
              - stddev(x) = 1
              - avg(x) = 2
              - sum(x) = 5:
                  missing values: [1]
              - max(x) = 2:
                  valid max: 2
              - avg_length(x) = 1
            """
        let results = try await CheckHarness.run(yaml, tables: ["t": CheckHarness.column(["1", "2", "3", nil])])
        #expect(CheckHarness.outcomes(results) == [.pass, .pass, .pass, .pass, .pass])
    }

    @Test("a check on a column the data lacks is an error result; the other checks go on")
    func missingColumn() async throws {
        let yaml = """
            checks for t:
              - missing_count(nope) = 0
              - duplicate_count(x, nope) = 0
              - freshness(nope) < 1d
              - row_count = 3
            checks for other:
              - row_count = 1
            """
        let results = try await CheckHarness.run(yaml, tables: ["t": Self.three])
        #expect(CheckHarness.outcomes(results) == [.error, .error, .error, .pass, .error])
        #expect(results.results[0].reason == "t has no column 'nope' (its columns: x)")
        #expect(results.results[4].reason?.contains("--data other=PATH") == true)
    }

    @Test("a value that is not its column's declared type makes that check an error, naming the row")
    func typeError() async throws {
        let results = try await CheckHarness.run(
            "checks for t:\n  - avg(x) > 0\n  - row_count = 3\n", tables: ["t": CheckHarness.column(["1", "two", "3"])], types: ["t": ["x": .integer]])
        #expect(CheckHarness.outcomes(results) == [.error, .pass])
        #expect(results.results[0].reason == "row 2: 'two' in column 'x' is not an integer")
    }

    @Test("avg of a text column is an error; of an undeclared column it reads numbers")
    func textAggregates() async throws {
        let yaml = "checks for t:\n  - avg(x) = 2\n"
        let typed = try await CheckHarness.run(yaml, tables: ["t": Self.three], types: ["t": ["x": .text]])
        #expect(typed.results[0].outcome == .error)
        #expect(typed.results[0].reason?.contains("needs numbers") == true)
        let untyped = try await CheckHarness.run(yaml, tables: ["t": Self.three])
        #expect(untyped.results[0].outcome == .pass)
        let words = try await CheckHarness.run(yaml, tables: ["t": CheckHarness.column(["1", "x"])])
        #expect(words.results[0].reason?.contains("'x' in column 'x' is not a number") == true)
    }
}
