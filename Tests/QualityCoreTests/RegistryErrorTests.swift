import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// Bad reports files: every problem located, named by its field, collected in one pass.
@Suite("Registry: errors")
struct RegistryErrorTests {
    static let cases: [(file: String, problems: [String])] = [
        ("unknown-key.yaml", [
            "4:5: error: registry: reports[0].tabels: unknown key 'tabels' (did you mean 'tables'?) (known: name, kind, request, tables, ignore_columns, value_counts, change_report)",
        ]),
        ("wrong-type.yaml", [
            "5:21: error: registry: reports[0].ignore_columns: expected a list, found a string",
            "6:20: error: registry: reports[0].change_report: expected true or false, found a string",
            "7:5: error: registry: reports[0].query: 'query' belongs to kind sql, not table-summary",
        ]),
        ("unknown-kind.yaml", [
            "3:11: error: registry: reports[0].kind: unknown kind 'tabel-summary' (did you mean 'table-summary'?) (known: table-summary, change-report, sql, checks, requests)",
        ]),
        ("duplicates.yaml", [
            "4:11: error: registry: reports[1].name: duplicate report name 'Table Summary' (first at line 2)",
            "6:11: error: registry: reports[2].name: the folder 'table_summary' is also the folder of 'Table Summary' (line 2); folders compare ignoring case",
        ]),
        ("missing.yaml", [
            "2:5: error: registry: reports[0]: missing required key 'name'",
            "3:5: error: registry: reports[1]: missing required key 'query'",
            "6:5: error: registry: reports[2]: missing required key 'kind'",
        ]),
        ("folder.yaml", [
            "2:11: error: registry: reports[0].name: the name can't be a folder: '/' not allowed (letters, digits, '_', '-', '.' and spaces, which become '_')",
            "4:11: error: registry: reports[1].name: the name can't be a folder: '..' alone means a directory",
            "6:11: error: registry: reports[2].name: the name can't be a folder: U+0009, ':', '?' not allowed (letters, digits, '_', '-', '.' and spaces, which become '_')",
        ]),
        ("request.yaml", [
            "5:7: error: registry: reports[0].request.stakeholders: unknown key 'stakeholders' (did you mean 'stakeholder'?) (known: stakeholder, contact, source, ticket, requested, reviewer)",
            "6:16: error: registry: reports[0].request.contact: 'jane at example' is neither an email address (name@example.org) nor an http(s) URL",
            "7:44: error: registry: reports[0].request.source.production: expected true or false, found a string",
            "8:15: error: registry: reports[0].request.ticket: 'https://' is not an http(s) URL with a host",
            "9:18: error: registry: reports[0].request.requested: '2024-02-30' is not a day of the calendar",
        ]),
        ("sources.yaml", [
            "5:17: error: registry: reports[0].tables.absolute: '/data/participant.csv' is an absolute path; write it relative to the reports file's folder",
            "6:15: error: registry: reports[0].tables.escape: 's3://bucket/exports/../secrets.csv' is not a store key: an object key cannot have a '..' segment",
            "7:18: error: registry: reports[0].tables.selection: a sqlite:// source takes ?table=NAME or ?query=SQL, not '?tbl='",
            "10:22: error: registry: reports[0].tables.typed.types.age: unknown type 'intger' (did you mean 'integer'?) (known: integer, number, boolean, date, timestamp, text)",
            "13:18: error: registry: reports[0].tables.dialect.dialect: only a text file (CSV, TSV) has a dialect, not 'sqlite://clinic.db?table=visits'",
            "14:15: error: registry: reports[0].tables.scheme: unknown source scheme 'ftp://' (a path, s3://, sqlite:// or postgres://)",
            "17:13: error: registry: reports[1].source: a sql report's source is a database (sqlite://PATH or postgres://…), not 'sqlite://clinic.db?table=visits'",
        ]),
        ("bad-key.json", [
            "4:27: error: registry: reports[0].qurey: unknown key 'qurey' (did you mean 'query'?) (known: name, kind, request, source, query)",
        ]),
        ("syntax.yaml", [
            "4:4: error: yaml: bad indentation: this line is indented more than the sequence entries above it (2 spaces)",
        ]),
        ("all-kinds.yaml", [
            "22:11: error: registry: reports[2].kind: unknown kind 'site-audit' (known: table-summary, change-report, sql, checks, requests)",
        ]),
    ]

    @Test("each bad file's problems, in file order, with file:line:col", arguments: cases.map(\.file))
    func problems(_ file: String) throws {
        let expected = Self.cases.first { $0.file == file }!.problems.map { "Fixtures/quality/registry/\(file):\($0)" }
        let found = try RegistryFixture.problems("quality/registry/\(file)")
        #expect(found == expected)
    }

    @Test("the printed error: each problem with its line and caret, then the count")
    func printed() throws {
        do {
            _ = try RegistryFixture.parse("quality/registry/duplicates.yaml")
            Issue.record("parsed")
        } catch let error as RegistryError {
            #expect(error.category == .badInput)
            #expect(error.description == """
                Fixtures/quality/registry/duplicates.yaml:4:11: error: registry: reports[1].name: duplicate report name 'Table Summary' (first at line 2)
                    - name: Table Summary
                            ^
                Fixtures/quality/registry/duplicates.yaml:6:11: error: registry: reports[2].name: the folder 'table_summary' is also the folder of 'Table Summary' (line 2); folders compare ignoring case
                    - name: table_summary
                            ^
                2 problems in the reports file
                """)
        }
    }

    @Test("documents that aren't a registry", arguments: [
        ("[1, 2]", "r.yaml:1:1: error: registry: the document: expected a mapping with 'reports:', found a list"),
        ("reports: {a: 1}", "r.yaml:1:10: error: registry: reports: expected a list of reports, found a mapping"),
        ("reports: []", "r.yaml:1:10: error: registry: reports: the list of reports is empty"),
        ("report: []", "r.yaml:1:1: error: registry: report: unknown key 'report' (did you mean 'reports'?) (known: reports)"),
        ("reports:\n  - {nmae: A, kind: requests}", "r.yaml:2:6: error: registry: reports[0].nmae: unknown key 'nmae' (did you mean 'name'?) (known: name, kind, request)"),
        ("reports: [x]", "r.yaml:1:11: error: registry: reports[0]: expected a report (a mapping with name and kind), found a string"),
        ("reports:\n  - {name: ' A', kind: requests}", "r.yaml:2:12: error: registry: reports[0].name: the name ' A' starts or ends with white space"),
        ("reports:\n  - {name: A, kind: sql, source: 'sqlite://d.db', query: ''}", "r.yaml:2:58: error: registry: reports[0].query: must not be empty"),
        ("reports:\n  - {name: A, kind: table-summary, tables: {}}", "r.yaml:2:44: error: registry: reports[0].tables: no tables"),
        ("reports:\n  - {name: A, kind: table-summary, tables: {t: {path: a.csv, dialect: {delimiter: ab}}}}", "r.yaml:2:83: error: registry: reports[0].tables.t.dialect.delimiter: a delimiter is one ASCII character other than a quote or a line break (a tab is \"\\t\"), not 'ab'"),
        ("reports:\n  - {name: A, kind: checks, checks: c.yaml, data: [a.csv]}", "r.yaml:2:51: error: registry: reports[0].data: expected a mapping of table names to sources, found a list"),
    ])
    func shapes(_ text: String, _ expected: String) {
        #expect(RegistryFixture.problems(text: text) == [expected])
    }
}
