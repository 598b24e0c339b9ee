import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Table summary report")
struct TableSummaryReportTests {
    static let samples = InMemoryTableSource(
        names: ["sample_id", "kind", "volume", "uuid", "shipped"],
        rows: [
            ["S1", "Blood", "1.5", "u1", "2024-03-01"],
            ["S2", "Blood", "2", "u2", nil],
            ["S3", "N/A", nil, "u3", "2024-03-02"],
            ["S4", "Saliva", "4.25", "u4", "2024-03-01"],
        ])

    func run(_ entry: ReportEntry, tables: SummaryTables) async throws -> ReportResult {
        try await TableSummaryReport().run(entry, context: try SummaryFixture.context("2024-03-15", tables: tables))
    }

    @Test func writesTheSummaryTheProfileAndTheValueCounts() async throws {
        let entry = try SummaryFixture.entry([("samples", ["shipped": .date])], ignore: ["uuid"])
        let result = try await run(entry, tables: SummaryTables(["samples": Self.samples]))
        #expect(result.files.map(\.path.text) == [
            "summaries/samples/summary.csv", "summaries/samples/profile.json",
            "summaries/samples/kind.csv", "summaries/samples/volume.csv", "summaries/samples/shipped.csv",
        ])
        #expect(result.files.map(\.contentType) == [.csv, .json, .csv, .csv, .csv])
        #expect(SummaryFixture.text(result, "summaries/samples/summary.csv") == """
            column,type,count,missing,distinct,top,freq,mean,std,min,p25,p50,p75,max
            sample_id,text,4,0,4,S1,1,,,,,,,
            kind,text,4,0,3,Blood,2,,,,,,,
            volume,number,3,1,3,1.5,1,2.5833333333333335,1.4648663192705789,1.5,1.75,2.0,3.125,4.25
            shipped,date,3,1,2,2024-03-01,2,,,2024-03-01,,,,2024-03-02

            """)
        // `N/A` is a value (the original re-read it as missing).
        #expect(SummaryFixture.text(result, "summaries/samples/kind.csv") == "value,count\nBlood,2\nN/A,1\nSaliva,1\n")
        #expect(SummaryFixture.text(result, "summaries/samples/volume.csv") == "value,count\n1.5,1\n2.0,1\n4.25,1\n")
        #expect(result.headline == [Headline(name: "rows samples", value: 4)])
        #expect(result.attachments.isEmpty)
        #expect(result.status == .ok)
    }

    @Test func theProfileJSONNamesTheTableAndItsCountedColumns() async throws {
        let entry = try SummaryFixture.entry([("samples", [:])], ignore: ["uuid", "shipped"])
        let result = try await run(entry, tables: SummaryTables(["samples": Self.samples]))
        let json = try JSONReader.parse(try #require(SummaryFixture.text(result, "summaries/samples/profile.json")))
        #expect(json["table"] == .string("samples"))
        #expect(json["row_count"] == .number(4))
        #expect(json["value_count_columns"] == .array([.string("kind"), .string("volume")]))
        #expect(json["columns"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["sample_id", "kind", "volume"])
    }

    @Test func theExclusionsAreGlobs() async throws {
        let entry = try SummaryFixture.entry([("samples", [:])], ignore: ["uuid"], exclude: ["k*", "ship?ed"])
        let result = try await run(entry, tables: SummaryTables(["samples": Self.samples]))
        #expect(result.files.map(\.path.name).sorted() == ["profile.json", "sample_id.csv", "summary.csv", "volume.csv"])
    }

    @Test func eachTableHasItsFolderAndHeadline() async throws {
        let other = InMemoryTableSource(names: ["x"], rows: [["1"], ["1"]])
        let entry = try SummaryFixture.entry([("samples", [:]), ("other", [:])], ignore: ["uuid"])
        let tables = SummaryTables(["samples": Self.samples, "other": other])
        let result = try await run(entry, tables: tables)
        #expect(result.headline.map(\.name) == ["rows samples", "rows other"])
        #expect(result.headline.map(\.value) == [4, 2])
        #expect(SummaryFixture.text(result, "summaries/other/x.csv") == "value,count\n1,2\n")
        #expect(tables.opens == ["samples", "other"], "one pass per table when nothing is sketched")
    }

    @Test func aValueNotOfItsDeclaredTypeNamesTheTableAndRow() async throws {
        let entry = try SummaryFixture.entry([("samples", ["kind": .integer])], ignore: ["uuid"])
        let error = await #expect(throws: ProfileInputError.self) { try await run(entry, tables: SummaryTables(["samples": Self.samples])) }
        #expect(error?.message.hasPrefix("memory, row 1:") == true)
    }

    @Test func aTypeDeclaredForAnIgnoredColumnIsNoError() async throws {
        let entry = try SummaryFixture.entry([("samples", ["uuid": .integer])], ignore: ["uuid"])
        let result = try await run(entry, tables: SummaryTables(["samples": Self.samples]))
        #expect(result.files.count == 5)
    }

    @Test func aTypeDeclaredForAColumnTheTableLacksIsRecordedNotAnError() async throws {
        let entry = try SummaryFixture.entry([("samples", ["shipped": .date, "age_at_event_days": .integer, "uuid": .integer])], ignore: ["uuid"])
        let result = try await run(entry, tables: SummaryTables(["samples": Self.samples]))
        let json = try JSONReader.parse(try #require(SummaryFixture.text(result, "summaries/samples/profile.json")))
        #expect(json["declared_absent"] == .array([.string("age_at_event_days")]))
        #expect(SummaryFixture.text(result, "summaries/samples/summary.csv")?.contains("\nshipped,date,") == true)
    }

    @Test func anEmptyTableHasHeaderOnlyFiles() async throws {
        let entry = try SummaryFixture.entry([("empty", [:])])
        let result = try await run(entry, tables: SummaryTables(["empty": InMemoryTableSource(names: ["a"], rows: [])]))
        #expect(SummaryFixture.text(result, "summaries/empty/a.csv") == "value,count\n")
        #expect(SummaryFixture.text(result, "summaries/empty/summary.csv")?.hasSuffix("\na,text,0,0,0,,,,,,,,,\n") == true)
        #expect(result.headline == [Headline(name: "rows empty", value: 0)])
    }

    @Test func anotherKindIsRefused() async throws {
        var entry = try SummaryFixture.entry([("samples", [:])])
        entry.options = .requests
        await #expect(throws: TableSummaryError.self) { try await run(entry, tables: SummaryTables([:])) }
    }

    @Test func aSketchedColumnIsRecountedInASecondPass() async throws {
        // 300 distinct values and 3 frequent ones: past a 100-value limit, so sketched.
        var rows: [[String?]] = (0..<300).map { ["v\($0)"] }
        for _ in 0..<50 { rows.append(["hot"]) }
        for _ in 0..<20 { rows.append(["warm"]) }
        let table = InMemoryTableSource(names: ["word"], rows: rows)
        let entry = try SummaryFixture.entry([("words", [:])])
        let tables = SummaryTables(["words": table])
        let limits = ProfileLimits(exactDistinctPerColumn: 100, frequentCapacity: 16)
        let result = try await TableSummaryReport(limits: limits).run(entry, context: try SummaryFixture.context("2024-03-15", tables: tables))
        #expect(tables.opens == ["words", "words"])
        let counts = try #require(SummaryFixture.text(result, "summaries/words/word.csv"))
        #expect(counts.hasPrefix("value,count\nhot,50\nwarm,20\n"), "exact counts of the frequent values")
        #expect(!counts.contains("~"))
        let json = try JSONReader.parse(try #require(SummaryFixture.text(result, "summaries/words/profile.json")))
        let column = try #require(json["columns"]?.arrayValue?.first)
        #expect(column["value_counts_exact"] == .bool(false))
        #expect(column["value_counts_bound"]?["counts_exact"] == .bool(true))
        #expect(column["top"] == .string("hot"))
    }
}
