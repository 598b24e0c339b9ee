import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Name segments")
struct NameSegmentTests {
    @Test(arguments: [
        ("participant", "participant"),
        ("Tromsø sites", "Tromsø sites"),
        ("age (years)", "age (years)"),
        ("a/b", "a%2Fb"),
        ("100%", "100%25"),
        ("back\\slash", "back%5Cslash"),
        ("tab\there", "tab%09here"),
        ("nul\u{0}", "nul%00"),
        ("c1\u{85}", "c1%C2%85"),
        (".", "%2E"),
        ("..", "%2E%2E"),
        ("...", "..."),
        (".hidden", ".hidden"),
    ])
    func encodesAndDecodes(name: String, segment: String) throws {
        let encoded = try NameSegment(name, role: .column)
        #expect(encoded.segment == segment)
        #expect(NameSegment.decode(encoded.segment) == name)
        #expect(throws: Never.self) { try ObjectKey("summaries/" + encoded.segment + ".csv") }
    }

    @Test func aColumnNamedSummaryDoesNotOverwriteTheSummary() throws {
        let column = try NameSegment("summary", role: .column)
        #expect(column.segment == "%73ummary")
        #expect(NameSegment.decode(column.segment) == "summary")
        #expect(try NameSegment("summary", role: .table).segment == "summary")
        #expect(try NameSegment("Summary", role: .column).segment == "Summary")
    }

    @Test func distinctNamesGetDistinctSegments() throws {
        let names = ["a/b", "a%2Fb", "summary", "%73ummary", ".", "%2E", "a\\b", "a%5Cb"]
        let segments = try names.map { try NameSegment($0, role: .column).segment }
        #expect(Set(segments).count == names.count)
    }

    @Test func anEmptyNameIsRefused() {
        let error = #expect(throws: NameSegmentError.self) { try NameSegment("", role: .table) }
        #expect(error?.description == "the table name \"\" is empty")
    }

    @Test func aNameTooLongForAKeyIsRefusedSayingHowLong() throws {
        #expect(throws: Never.self) { try NameSegment(String(repeating: "a", count: 250), role: .column) }
        let error = #expect(throws: NameSegmentError.self) { try NameSegment(String(repeating: "é", count: 126), role: .column) }
        #expect(error?.description.hasSuffix("is too long for an object key: 252 bytes of UTF-8 as a key segment, at most 250") == true)
        // Encoding counts: 100 slashes are 300 bytes.
        #expect(throws: NameSegmentError.self) { try NameSegment(String(repeating: "/", count: 100), role: .column) }
    }

    @Test func theErrorEscapesControlCharacters() {
        let error = #expect(throws: NameSegmentError.self) { try NameSegment(String(repeating: "\u{1}", count: 100), role: .column) }
        #expect(error?.description.contains("\u{1}") == false)
        #expect(error?.description.contains("\\u{01}") == true)
    }

    @Test(arguments: ["%", "%4", "%GG", "%FF"])
    func aSegmentThatIsNoEncodingDecodesToNothing(segment: String) {
        #expect(NameSegment.decode(segment) == nil)
    }

    @Test func aTableNameThatCannotBeASegmentFailsTheReport() async throws {
        let entry = try SummaryFixture.entry([("", [:])])
        let tables = SummaryTables(["": InMemoryTableSource(names: ["a"], rows: [])])
        await #expect(throws: NameSegmentError.self) {
            try await TableSummaryReport().run(entry, context: try SummaryFixture.context("2024-03-15", tables: tables))
        }
        #expect(tables.opens.isEmpty, "refused before reading")
    }

    @Test func columnNamesAreEncodedInTheFilePaths() async throws {
        let table = InMemoryTableSource(names: ["a/b", "summary", "ok"], rows: [["1", "2", "3"]])
        let entry = try SummaryFixture.entry([("t/1", [:])])
        let result = try await TableSummaryReport().run(entry, context: try SummaryFixture.context("2024-03-15", tables: SummaryTables(["t/1": table])))
        #expect(result.files.map(\.path.text) == [
            "summaries/t%2F1/summary.csv", "summaries/t%2F1/profile.json", "summaries/t%2F1/a%2Fb.csv",
            "summaries/t%2F1/%73ummary.csv", "summaries/t%2F1/ok.csv",
        ])
        #expect(SummaryFixture.text(result, "summaries/t%2F1/summary.csv")?.contains("\nsummary,integer,1,") == true)
    }

    @Test func twoColumnsOfOneNameAreRefused() async throws {
        // A query may name two columns alike (`select a, a from t`); a file can't hold both.
        let table = InMemoryTableSource(names: ["a", "a"], rows: [["1", "2"]])
        let entry = try SummaryFixture.entry([("t", [:])])
        let error = await #expect(throws: TableSummaryError.self) {
            try await TableSummaryReport().run(entry, context: try SummaryFixture.context("2024-03-15", tables: SummaryTables(["t": table])))
        }
        #expect(error?.message == "the table 't' has two columns named 'a': their value counts would be one file")
    }
}
