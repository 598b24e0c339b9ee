import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Checks: missing, validity, duplicates, references, schema, freshness")
struct CheckSemanticsTests {
    @Test("missing is NULL, a missing value or a missing regex match; '' and blanks are not missing")
    func missing() async throws {
        let yaml = """
            checks for t:
              - missing_count(x) = 1
              - missing_count(x) = 3:
                  missing values: ["", N/A]
              - missing_count(x) = 3:
                  missing regex: ^\\s*$
            """
        let results = try await CheckHarness.run(yaml, tables: ["t": CheckHarness.column([nil, "", "  ", "N/A", "ok"])])
        #expect(results.results.map(\.value) == [1, 3, 3])
    }

    @Test("invalid never counts missing values; every valid rule must hold; invalid rules add")
    func validity() async throws {
        let yaml = """
            checks for t:
              - invalid_count(x) = 1:
                  valid values: [a, b]
                  missing values: [N/A]
              - invalid_count(x) = 2:
                  valid values: [a, b, c]
                  valid length: 1
                  invalid values: [c]
              - invalid_percent(x) = 20:
                  valid regex: "[ab]"
              - invalid_count(x) = 0
              - invalid_count(x) = 2:
                  valid format: email
            """
        let table = CheckHarness.column(["a", "b", "cc", "N/A", nil])
        let results = try await CheckHarness.run(yaml, tables: ["t": table])
        #expect(results.results.map(\.value) == [1, 2, 40, 0, 4])
        #expect(CheckHarness.outcomes(results) == [.pass, .pass, .fail, .pass, .fail])
    }

    @Test("valid min and max are inclusive; lengths count code points")
    func boundsAndLengths() async throws {
        let yaml = """
            checks for t:
              - invalid_count(n) = 1:
                  valid min: 2
              - invalid_count(n) = 1:
                  valid max: 3
              - invalid_count(s) = 0:
                  valid min length: 1
                  valid max length: 3
              - max_length(s) = 3
            """
        let table = InMemoryTableSource(names: ["n", "s"], rows: [["1", "café"], ["2", "日本"], ["3", "😀"], ["4", "e\u{301}"]])
        let results = try await CheckHarness.run(yaml, tables: ["t": table], types: ["t": ["n": .number]])
        #expect(results.results.map(\.value) == [1, 1, 1, 4])
        #expect(CheckHarness.outcomes(results) == [.pass, .pass, .fail, .fail])
    }

    @Test("duplicate_count counts duplicated distinct values, ignoring rows with a missing listed column")
    func duplicates() async throws {
        let yaml = """
            checks for t:
              - duplicate_count(a) = 2
              - duplicate_count(a, b) = 1
              - duplicate_percent(a) = 33.33
            """
        let table = InMemoryTableSource(names: ["a", "b"], rows: [["x", "1"], ["x", "1"], ["x", nil], ["y", "2"], ["y", "3"], [nil, "3"]])
        let results = try await CheckHarness.run(yaml, tables: ["t": table])
        #expect(results.results.map(\.value) == [2, 1, 33.33])
    }

    @Test("duplicate_count over typed columns compares values: 1 and 1.0, 0 and -0, true and True, a date and its midnight")
    func typedDuplicates() async throws {
        let yaml = """
            checks for t:
              - duplicate_count(n, f) = 0
              - duplicate_count(d, t) = 1
              - duplicate_count(n, d) = 1
            """
        let table = InMemoryTableSource(names: ["n", "f", "d", "t"], rows: [
            ["1", "true", "2024-01-02", "2024-01-02T00:00:00"], ["1.0", "True", "2024-01-02", "2024-01-02"],
            ["0", "false", "2024-01-03", "2024-01-02T00:00:01"], ["-0", "FALSE", "2024-01-04", "2024-01-02T00:00:01"],
            ["10", "true", "2024-01-05", nil], ["1e1", "false", nil, "2024-01-05T00:00:00"],
        ])
        let types: [String: ColumnType] = ["n": .number, "f": .boolean, "d": .date, "t": .timestamp]
        let results = try await CheckHarness.run(yaml, tables: ["t": table], types: ["t": types])
        #expect(results.results.map(\.value) == [2, 1, 1])
        #expect(results.results[0].failedRows.map(\.row) == [2, 4], "the rows that repeat an earlier one")
    }

    @Test("references: an all-missing source row is ignored, one missing part never matches, must not exist counts per match")
    func references() async throws {
        let yaml = """
            checks for s:
              - values in (a, b) must exist in t (a, b)
              - values in (a) must not exist in t (a)
            """
        let source = InMemoryTableSource(names: ["a", "b"], rows: [["1", "x"], ["2", nil], [nil, nil], ["3", "z"]])
        let target = InMemoryTableSource(names: ["a", "b"], rows: [["1", "x"], ["1", "y"], ["2", "w"]])
        let results = try await CheckHarness.run(yaml, tables: ["s": source, "t": target])
        #expect(results.results.map(\.value) == [2, 3])
        #expect(results.results[0].failedRows.map(\.row) == [2, 4])
    }

    @Test("schema: forbidden patterns match from the start, % is one or more characters, * zero or more; fail before warn")
    func schema() async throws {
        let yaml = """
            checks for t:
              - schema:
                  fail:
                    when forbidden column present: [ssn]
              - schema:
                  fail:
                    when forbidden column present: ["ssn_hash%"]
              - schema:
                  fail:
                    when forbidden column present: ["*hash"]
              - schema:
                  warn:
                    when required column missing: [id]
                    when wrong column type:
                      id: bigint
                    when wrong column index:
                      id: 0
              - schema:
                  warn:
                    when forbidden column present: [id]
                  fail:
                    when wrong column type:
                      id: varchar
            """
        let table = InMemoryTableSource(names: ["id", "ssn_hash"], rows: [])
        let results = try await CheckHarness.run(yaml, tables: ["t": table], types: ["t": ["id": .integer]])
        #expect(CheckHarness.outcomes(results) == [.fail, .pass, .fail, .pass, .fail])
        #expect(results.results[4].details?["fail"]?["wrong_types"]?.arrayValue?.first?["actual"] == "integer")
    }

    @Test("freshness: equal to the limit passes, a date is the end of its day, units d h m s add up")
    func freshness() async throws {
        let yaml = """
            checks for t:
              - freshness(ts) < 2h30m
              - freshness(ts) < 2h29m59s
              - freshness(ts) < 9000s
              - freshness(day) < 12h
              - freshness(day) < 12h1m
              - freshness(ts):
                  warn: when > 1h
                  fail: when >= 2h30m
              - freshness(ts, LATER) < 1d
            """
        let table = InMemoryTableSource(names: ["ts", "day"], rows: [["2024-03-10 09:30:00", "2024-03-09"], [nil, nil]])
        let results = try await CheckHarness.run(
            yaml, tables: ["t": table], types: ["t": ["ts": .timestamp, "day": .date]], variables: ["LATER": "2024-03-11T09:30:00"])
        #expect(CheckHarness.outcomes(results) == [.pass, .fail, .pass, .fail, .pass, .fail, .pass])
        #expect(results.results[0].value == 9000)
        #expect(results.results[0].details?["freshness"] == "2h30m")
    }

    @Test("row_count same as: the difference, passing only at 0")
    func sameAs() async throws {
        let results = try await CheckHarness.run(
            "checks for a:\n  - row_count same as b\n  - row_count same as a\n",
            tables: ["a": CheckHarness.column(["1", "2"]), "b": CheckHarness.column(["1"])])
        #expect(results.results.map(\.value) == [1, 0])
        #expect(CheckHarness.outcomes(results) == [.fail, .pass])
    }

    @Test("failing rows: at most 10, in table order, with their row numbers and values")
    func samples() async throws {
        let cells: [String?] = (1...30).map { $0 % 2 == 0 ? nil : String($0) }
        let results = try await CheckHarness.run("checks for t:\n  - missing_count(x) = 0\n", tables: ["t": CheckHarness.column(cells)])
        let rows = results.results[0].failedRows
        #expect(rows.count == 10)
        #expect(rows.map(\.row) == [2, 4, 6, 8, 10, 12, 14, 16, 18, 20])
        #expect(rows[0].values == [nil])
        #expect(results.results[0].value == 15)
    }
}
