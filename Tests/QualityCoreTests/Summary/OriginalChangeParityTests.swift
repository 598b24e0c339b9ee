import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// ReportKit's change report on the fixtures' two days against the ORIGINAL change report's
/// output on the same two days (`Fixtures/quality/summary/expected/change/`).
@Suite("Change report: parity with the original")
struct OriginalChangeParityTests {
    /// Day 1 recorded into a history, then day 2 compared with it.
    static func dayTwo() async throws -> ReportResult {
        let history = SummaryHistory()
        let first = try OriginalSummaryFixture.entry(day: 1, changeReport: true)
        let day1 = try await TableSummaryReport().run(first, context: try SummaryFixture.context("2024-03-14", tables: try OriginalSummaryFixture.opener(day: 1), history: history))
        try await history.record(day1, entry: first, day: try CalendarDay("2024-03-14"))
        return try await TableSummaryReport().run(
            try OriginalSummaryFixture.entry(day: 2, changeReport: true),
            context: try SummaryFixture.context("2024-03-15", tables: try OriginalSummaryFixture.opener(day: 2), history: history))
    }

    static func theirDiff(_ table: String, _ column: String) throws -> [[String]] {
        try OriginalSummaryFixture.expected("change/diffs/\(table)/\(column)_diff.csv").dropFirst().map { Array($0[1...4]) }
    }

    @Test func theSameColumnsAreComparedAndTheSameChangeOutsideNAText() async throws {
        let result = try await Self.dayTwo()
        let changes = try JSONReader.parse(try #require(SummaryFixture.text(result, "changes.json")))
        for table in ["samples", "participant", "biospecimen"] {
            let ours = try #require(changes["tables"]?.arrayValue?.first { $0["table"] == .string(table) })
            let compared = ours["columns_compared"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let theirs = try OriginalSummaryFixture.expectedFiles("change/diffs/\(table)").map { String($0.dropLast("_diff.csv".count)) }
            #expect(compared.sorted() == theirs, "compared columns of \(table)")
            for column in theirs where !(table == "samples" && column == "status") {
                let type: ColumnType = column.hasPrefix("volume") ? .number : column == "visible" ? .boolean : .text
                let expected = try Self.theirDiff(table, column).map { row in
                    [OriginalSummaryFixture.normalized(row[0], type: type)] + row[1...3].map { String(Int(Double($0)!)) }
                }
                let diff = SummaryFixture.text(result, "diffs/\(table)/\(column).csv").map { try! CSVScanner.records(Array($0.utf8)) }
                #expect(Array((diff ?? [ValueChange.header]).dropFirst()) == expected, "\(table)/\(column)")
            }
        }
    }

    @Test func naTextIsAValueWhereTheOriginalCrossJoinedIt() async throws {
        let result = try await Self.dayTwo()
        // Two `active` became `N/A`: ReportKit says so.
        #expect(SummaryFixture.text(result, "diffs/samples/status.csv") == "value,count,previous_count,change\nN/A,14,12,2\nactive,18,20,-2\n")
        // The original re-read N/A, NA and null as NaN, joined them 3 × 3 and showed them as 0.
        let theirs = try Self.theirDiff("samples", "status")
        #expect(theirs.filter { $0[0] == "0" }.count == 7)
        #expect(theirs.map { abs(Int(Double($0[3])!)) }.reduce(0, +) == 36)
    }

    @Test func theMessageCountsWithoutTheOverCountAndSaysSince() async throws {
        let result = try await Self.dayTwo()
        let original = try JSONReader.parse(try FixturePaths.text("quality/summary/expected/change/attachments.json"))
        let theirText = try #require(original["attachments"]?[0]?["text"]?.stringValue)
        // 53 = 15 (biospecimen) + 2 (site) + 36 (status, over-counted); ReportKit: 15 + 2 + 4.
        #expect(theirText.hasSuffix("There were *53* changes made across *6/19* columns yesterday!"))
        #expect(result.attachments.map(\.text) == ["There were *21* changes made across *6/19* columns since 2024-03-14"])
        #expect(result.headline.last == Headline(name: "changes", value: 21))
    }

    @Test func addedAndRemovedColumnsAreTheOriginalsComputedOnes() async throws {
        let result = try await Self.dayTwo()
        let original = try JSONReader.parse(try FixturePaths.text("quality/summary/expected/change/attachments.json"))
        let changes = try JSONReader.parse(try #require(SummaryFixture.text(result, "changes.json")))
        let biospecimen = try #require(changes["tables"]?.arrayValue?.first { $0["table"] == .string("biospecimen") })
        #expect(biospecimen["added_columns"] == original["columns"]?["biospecimen"]?["added"])
        #expect(biospecimen["removed_columns"] == original["columns"]?["biospecimen"]?["deleted"])
        #expect(changes["added_tables"] == .array([]) && changes["removed_tables"] == .array([]))
        #expect(result.attachments.first?.fields.map(\.value) == ["biospecimen.analyte_type", "biospecimen.shipped_on"])
    }
}
