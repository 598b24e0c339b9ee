import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Checks: the parser and its located errors")
struct ChecksParserTests {
    @Test("check lines become typed checks with their line, column and name")
    func typed() throws {
        let yaml = """
            checks for orders:
              - missing_percent(email) between 1 and 5 %:
                  name: few emails missing
                  missing values: [N/A]
              - duplicate_count(a, "b c") = 0
              - values in (customer_id) must not exist in blocked (id)
              - change avg last 7 for row_count < 50
              - row_count same as customers
            """
        let file = try ChecksFile.parse(text: yaml, path: "c.yml")
        #expect(file.checks.map(\.line) == [2, 5, 6, 7, 8])
        #expect(file.checks.map(\.column) == [5, 5, 5, 5, 5])
        #expect(file.checks[0].name == "few emails missing")
        var rules = ColumnRules()
        rules.missingValues = [ConfigValue(text: "N/A", line: 4, column: 24)]
        #expect(file.checks[0].kind == .metric(MetricCheck(
            metric: Metric(kind: .missingPercent, columns: ["email"], rules: rules), rule: .threshold(.between(1, 5)))))
        #expect(file.checks[1].kind == .metric(MetricCheck(metric: Metric(kind: .duplicateCount, columns: ["a", "b c"]), rule: .threshold(.equal(0)))))
        #expect(file.checks[2].kind == .reference(ReferenceCheck(columns: ["customer_id"], target: "blocked", targetColumns: ["id"], mustExist: false)))
        #expect(file.checks[3].kind == .change(ChangeCheck(change: .averageOfLast(runs: 7), metric: Metric(kind: .rowCount), rule: .threshold(.less(50)))))
        #expect(file.checks[4].kind == .rowCountSame(other: "customers"))
        #expect(file.datasets == ["blocked", "customers", "orders"])
    }

    @Test("${VAR} is replaced before parsing")
    func variables() throws {
        let file = try ChecksFile.parse(text: "checks for t:\n  - row_count > ${MIN}\n", path: "c.yml", variables: ["MIN": "12"])
        #expect(file.checks[0].text == "row_count > 12")
    }

    /// (file text, line, column, message)
    static let bad: [(String, Int, Int, String)] = [
        ("checks for t:\n  - foo_count(x) = 0\n", 2, 5,
         "check 'foo_count(x) = 0': unknown metric 'foo_count' (known: row_count, missing_count, missing_percent, invalid_count, invalid_percent, duplicate_count, duplicate_percent, min, max, avg, sum, stddev, avg_length, min_length, max_length, percentile, and freshness, schema, values in, change for)"),
        ("checks for t:\n  - row_count => 5\n", 2, 16, "check 'row_count => 5': expected a number after '=', found '> 5'"),
        ("checks for t:\n  - invalid_count(x) = 0:\n      valid regex: \"([a-z\"\n", 3, 20,
         "check 'invalid_count(x) = 0': valid regex '([a-z' does not compile: expected ']'"),
        ("checks for t:\n  - row_count > ${NOPE}\n", 2, 17, "unknown variable '${NOPE}' (give it with --var NOPE=VALUE; known: none)"),
        ("checks for t:\n  - row_count:\n      warn: \"> 10\"\n", 3, 13,
         "check 'row_count': warn must be 'when' and a condition, as in 'warn: when > 10'; got '> 10'"),
        ("checks for t:\n  - missing_count(x) = 0:\n      missing value: [a]\n", 3, 7,
         "check 'missing_count(x) = 0': unknown configuration 'missing value' (known here: name, warn, fail, missing values, missing regex, valid values, invalid values, valid regex, invalid regex, valid min, valid max, valid length, valid min length, valid max length, valid format, invalid format)"),
        ("checks for t:\n  - percentile(x, 1.5) = 0\n", 2, 5, "check 'percentile(x, 1.5) = 0': percentile's fraction must be a decimal between 0 and 1, got '1.5'"),
        ("checks for t:\n  - freshness(ts) < 2h 30m\n", 2, 24,
         "check 'freshness(ts) < 2h 30m': unexpected '30m' after the duration (a duration has no spaces: 2h30m)"),
        ("checks for t:\n  - row_count between 5 and 1\n", 2, 23, "check 'row_count between 5 and 1': between 5 and 1: the first bound is above the second"),
        ("checks for t:\n  - row_count\n", 2, 14, "check 'row_count': needs a threshold ('row_count > 0') or warn:/fail: when … in its configuration"),
        ("filter t:\n  - row_count > 0\n", 1, 1, "'filter t' is not a 'checks for DATASET' block (the subset has no other top-level keys)"),
        ("checks for t:\n  - invalid_count(x) = 0:\n      valid format: zipcode\n", 3, 21,
         "check 'invalid_count(x) = 0': unknown valid format 'zipcode' (known: integer, positive integer, negative integer, decimal, positive decimal, negative decimal, decimal point, positive decimal point, negative decimal point, decimal comma, positive decimal comma, negative decimal comma, percentage, date us, date eu, date inverse, date iso 8601, uuid, email, ip address)"),
        ("checks for t:\n  - row_count > 0\n   bad: [\n", 3, 7, ""),
    ]

    @Test("a bad checks file is a ParseError at file:line:col, quoting the check", arguments: bad)
    func located(_ text: String, line: Int, column: Int, message: String) {
        let error = #expect(throws: ParseError.self) { try ChecksFile.parse(text: text, path: "bad.yml") }
        #expect(error?.file == "bad.yml")
        #expect(error?.location == SourceLocation(line: line, column: column), "\(error.map(String.init(describing:)) ?? "")")
        if !message.isEmpty { #expect(error?.message == message) }
    }

    @Test("the error prints as file:line:col with the line and a caret under the column")
    func display() {
        let error = #expect(throws: ParseError.self) { try ChecksFile.parse(text: "checks for t:\n  - row_count => 5\n", path: "bad.yml") }
        #expect(error?.description == """
            bad.yml:2:16: error: checks: check 'row_count => 5': expected a number after '=', found '> 5'
                - row_count => 5
                             ^
            """)
    }
}

@Suite("Checks: the README's example")
struct ChecksReadmeTests {
    @Test("the SodaCL example in the README's reportcli check section parses, every check typed")
    func readmeExample() throws {
        let readme = try String(contentsOf: FixturePaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## `reportcli check`"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let file = try ChecksFile.parse(text: String(rest[start.upperBound..<end.lowerBound]), path: "README.md")
        #expect(file.checks.count == 10)
        #expect(file.datasets == ["customers", "orders"])
    }
}
