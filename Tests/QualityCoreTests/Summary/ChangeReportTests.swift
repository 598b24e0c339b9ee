import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Change report")
struct ChangeReportTests {
    static func samples(_ kinds: [String?], extra: [String] = []) -> InMemoryTableSource {
        InMemoryTableSource(
            names: ["sample_id", "kind"] + extra,
            rows: kinds.enumerated().map { [String("S\($0.offset)"), $0.element] + extra.map { _ in "x" } })
    }

    /// Runs the report on `day` over `table`, recording it into `history`.
    @discardableResult
    func run(_ day: String, _ tables: [String: InMemoryTableSource], history: SummaryHistory, kind: ReportKind = .tableSummary) async throws -> ReportResult {
        let entry = try SummaryFixture.entry(tables.keys.sorted().map { ($0, [:]) }, kind: kind, changeReport: kind == .tableSummary)
        let context = try SummaryFixture.context(day, tables: SummaryTables(tables), history: history)
        let result = try await (kind == .changeReport ? ChangeReport().run(entry, context: context) : TableSummaryReport().run(entry, context: context))
        try await history.record(result, entry: entry, day: try CalendarDay(day))
        return result
    }

    @Test func theFirstRunHasNothingToCompareWith() async throws {
        let result = try await run("2024-03-14", ["samples": Self.samples(["Blood"])], history: SummaryHistory())
        let json = try JSONReader.parse(try #require(SummaryFixture.text(result, "changes.json")))
        #expect(json["previous"] == .null)
        #expect(json["note"]?.stringValue?.hasPrefix("nothing to compare with") == true)
        #expect(result.attachments.isEmpty)
        #expect(result.headline.map(\.name) == ["rows samples"])
        #expect(result.status == .ok)
        #expect(!result.files.contains { $0.path.text.hasPrefix("diffs/") })
    }

    @Test func comparesWithTheMostRecentEarlierRunNotTheDayBefore() async throws {
        let history = SummaryHistory()
        try await run("2024-03-10", ["samples": Self.samples(["Blood", "Blood", "Saliva"])], history: history)
        try await run("2024-03-12", ["samples": Self.samples(["Blood", "Saliva"])], history: history)
        let result = try await run("2024-03-15", ["samples": Self.samples(["Blood", "Blood", "Blood", "N/A", nil])], history: history)
        #expect(SummaryFixture.text(result, "diffs/samples/kind.csv") == """
            value,count,previous_count,change
            Blood,3,1,2
            N/A,1,0,1
            Saliva,0,1,-1

            """)
        #expect(result.attachments.map(\.text) == ["There were *4* changes made across *1/1* columns since 2024-03-12"])
        #expect(result.attachments.first?.fallback == "There were 4 changes made across 1/1 columns since 2024-03-12")
        #expect(result.attachments.first?.color == .info)
        #expect(result.headline.last == Headline(name: "changes", value: 4))
        let json = try JSONReader.parse(try #require(SummaryFixture.text(result, "changes.json")))
        #expect(json["previous"] == .string("2024-03-12"))
        #expect(json["date"] == .string("2024-03-15"))
        #expect(json["changes"] == .number(4))
        #expect(json["tables"]?[0]?["columns_compared"] == .array([.string("kind")]))
    }

    @Test func noChangeSendsNothingButRecordsTheComparison() async throws {
        let history = SummaryHistory()
        try await run("2024-03-14", ["samples": Self.samples(["Blood", "Saliva"])], history: history)
        let result = try await run("2024-03-15", ["samples": Self.samples(["Saliva", "Blood"])], history: history)
        #expect(result.attachments.isEmpty)
        #expect(result.headline.last == Headline(name: "changes", value: 0))
        #expect(result.files.map(\.path.text).filter { $0.hasPrefix("diffs/") }.isEmpty)
        let json = try JSONReader.parse(try #require(SummaryFixture.text(result, "changes.json")))
        #expect(json["columns_compared"] == .number(1))
        #expect(json["columns_changed"] == .number(0))
    }

    @Test func addedAndRemovedTablesAndColumnsAreShown() async throws {
        let history = SummaryHistory()
        try await run("2024-03-14", ["samples": Self.samples(["Blood"], extra: ["old"]), "gone": Self.samples(["x"])], history: history)
        let result = try await run("2024-03-15", ["samples": Self.samples(["Saliva"], extra: ["new"]), "fresh": Self.samples(["y"])], history: history)
        let json = try JSONReader.parse(try #require(SummaryFixture.text(result, "changes.json")))
        #expect(json["added_tables"] == .array([.string("fresh")]))
        #expect(json["removed_tables"] == .array([.string("gone")]))
        let table = try #require(json["tables"]?.arrayValue?.first)
        #expect(table["table"] == .string("samples"))
        #expect(table["added_columns"] == .array([.string("new")]))
        #expect(table["removed_columns"] == .array([.string("old")]))
        #expect(table["columns_compared"] == .array([.string("kind")]), "sample_id has no value counts; new and old are in one run only")
        let fields = try #require(result.attachments.first).fields
        #expect(fields.map(\.title) == ["Added tables", "Removed tables", "Added columns", "Removed columns"])
        #expect(fields.map(\.value) == ["fresh", "gone", "samples.new", "samples.old"])
        #expect(result.attachments.first?.text == "There were *2* changes made across *1/1* columns since 2024-03-14")
    }

    @Test func aFailedRunAndAnotherFolderArePassedOver() async throws {
        let history = SummaryHistory()
        try await run("2024-03-10", ["samples": Self.samples(["Blood"])], history: history)
        let other = try SummaryFixture.entry([("samples", [:])], name: "Other Summary")
        try await history.record(ReportResult(files: try TableSummary(table: "samples", profile: TableProfile(rowCount: 0, columns: []), options: TableSummaryOptions(tables: [])).files()), entry: other, day: try CalendarDay("2024-03-13"))
        let mine = try SummaryFixture.entry([("samples", [:])])
        try await history.record(ReportResult(files: try TableSummary(table: "samples", profile: TableProfile(rowCount: 0, columns: []), options: TableSummaryOptions(tables: [])).files()), entry: mine, day: try CalendarDay("2024-03-12"), status: .failed)
        let result = try await run("2024-03-15", ["samples": Self.samples(["Blood", "Blood"])], history: history)
        #expect(result.attachments.first?.text == "There were *1* changes made across *1/1* columns since 2024-03-10")
    }

    @Test func aRunWithoutSummariesIsPassedOver() async throws {
        let history = SummaryHistory()
        try await run("2024-03-10", ["samples": Self.samples(["Blood"])], history: history)
        let entry = try SummaryFixture.entry([("samples", [:])])
        try await history.record(ReportResult(files: [ReportFile(path: "other.csv", contentType: .csv, bytes: [])]), entry: entry, day: try CalendarDay("2024-03-12"))
        let result = try await run("2024-03-15", ["samples": Self.samples([])], history: history)
        #expect(result.attachments.first?.text == "There were *1* changes made across *1/1* columns since 2024-03-10")
    }

    @Test func theSearchPagesBackPastThirtyRuns() async throws {
        let history = SummaryHistory()
        try await run("2024-01-01", ["samples": Self.samples(["Blood"])], history: history)
        let stranger = try SummaryFixture.entry([("samples", [:])], name: "Stranger")
        let days = (2...31).map { "2024-01-\($0 < 10 ? "0" : "")\($0)" } + (1...10).map { "2024-02-\($0 < 10 ? "0" : "")\($0)" }
        for day in days {
            try await history.record(ReportResult(), entry: stranger, day: try CalendarDay(day))
        }
        let result = try await run("2024-03-15", ["samples": Self.samples([])], history: history)
        #expect(result.headline.last == Headline(name: "changes", value: 1))
        #expect(history.beforeDays.map(\.description) == ["2024-01-01", "2024-03-15", "2024-01-12"], "the first run's own search, then 40 other runs: a second page after 30")
    }

    @Test func theChangeReportKindWritesSummariesAndChanges() async throws {
        let history = SummaryHistory()
        try await run("2024-03-14", ["samples": Self.samples(["Blood"])], history: history, kind: .changeReport)
        let result = try await run("2024-03-15", ["samples": Self.samples(["Saliva"])], history: history, kind: .changeReport)
        #expect(result.files.map(\.path.text).contains("summaries/samples/kind.csv"))
        #expect(SummaryFixture.text(result, "diffs/samples/kind.csv") == "value,count,previous_count,change\nSaliva,1,0,1\nBlood,0,1,-1\n")
    }

    @Test func aSummaryWithoutTheOptionMakesNoComparison() async throws {
        let entry = try SummaryFixture.entry([("samples", [:])])
        let history = SummaryHistory()
        let result = try await TableSummaryReport().run(entry, context: try SummaryFixture.context("2024-03-15", tables: SummaryTables(["samples": Self.samples(["a"])]), history: history))
        #expect(!result.files.contains { $0.path.text == "changes.json" })
        #expect(history.beforeDays.isEmpty)
    }

    @Test func aListedFileMissingFromTheStoreIsAnErrorNamingIt() async throws {
        let history = SummaryHistory()
        try await run("2024-03-14", ["samples": Self.samples(["Blood"])], history: history)
        try await history.store.delete("20240314-reports/Table_Summary/summaries/samples/kind.csv")
        let error = await #expect(throws: ValueCountFileError.self) {
            try await run("2024-03-15", ["samples": Self.samples(["Blood"])], history: history)
        }
        #expect(error?.message == "the 2024-03-14 run's Table_Summary/summaries/samples/kind.csv is in its manifest but not in the store")
    }

    @Test func encodedNamesAreComparedByTheirNames() async throws {
        let history = SummaryHistory()
        let before = InMemoryTableSource(names: ["a/b", "summary"], rows: [["1", "x"]])
        let after = InMemoryTableSource(names: ["a/b", "summary"], rows: [["2", "x"]])
        try await run("2024-03-14", ["t/1": before], history: history)
        let result = try await run("2024-03-15", ["t/1": after], history: history)
        #expect(result.files.map(\.path.text).filter { $0.hasPrefix("diffs/") } == ["diffs/t%2F1/a%2Fb.csv"])
        let json = try JSONReader.parse(try #require(SummaryFixture.text(result, "changes.json")))
        #expect(json["tables"]?[0]?["columns_compared"] == .array([.string("a/b"), .string("summary")]))
        #expect(json["tables"]?[0]?["table"] == .string("t/1"))
    }
}

@Suite("Value changes")
struct ValueChangeTests {
    @Test func ordersByChangeThenCountThenValue() {
        let changes = ValueChange.changes(
            current: [("b", 5), ("a", 5), ("c", 1), ("z", 10), ("é", 2), ("e", 2)],
            previous: [("b", 3), ("a", 3), ("c", 4), ("z", 10), ("gone", 2)])
        #expect(changes.map(\.value) == ["a", "b", "e", "é", "gone", "c"])
        #expect(changes.map(\.change) == [2, 2, 2, 2, -2, -3])
    }

    @Test func naTextIsAValueMatchedOnlyWithItself() {
        let changes = ValueChange.changes(current: [("N/A", 3), ("NA", 1), ("null", 1)], previous: [("N/A", 1), ("NA", 1), ("null", 1)])
        #expect(changes == [ValueChange(value: "N/A", count: 3, previousCount: 1)])
    }

    @Test func readsAStoredFileBack() throws {
        let rows = try ValueCountFile.read(Array("value,count\nN/A,3\n\"a,b\",2\nnull,~1\n".utf8), file: "k.csv")
        #expect(rows.map(\.value) == ["N/A", "a,b", "null"])
        #expect(rows.map(\.count) == [3, 2, 1])
    }

    @Test(arguments: [
        ("v,c\n", "k.csv:1: the header is 'v,c', not 'value,count'"),
        ("value,count\na,b\n", "k.csv:2: the count 'b' is not a number of rows"),
        ("value,count\na,-1\n", "k.csv:2: the count '-1' is not a number of rows"),
        ("value,count\na,1,2\n", "k.csv:2: 3 fields, not 2 (value,count)"),
    ])
    func aBrokenFileIsAnErrorNamingTheLine(text: String, message: String) {
        let error = #expect(throws: ValueCountFileError.self) { try ValueCountFile.read(Array(text.utf8), file: "k.csv") }
        #expect(error?.message == message)
    }
}
