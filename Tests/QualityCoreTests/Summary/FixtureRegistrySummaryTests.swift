import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// The `Table Summary` entry of `Fixtures/quality/reports.yaml` over the fixtures' two days
/// of `biospecimen` (`data/biospecimen.csv`, then `data/day2/biospecimen.csv`).
@Suite("Table summary: the fixtures' reports file")
struct FixtureRegistrySummaryTests {
    static func opener(biospecimen: String) throws -> SummaryTables {
        func file(_ path: String) throws -> any TableSource {
            let key = try ObjectKey(String(path.split(separator: "/").last!))
            return DelimitedTableSource(store: InMemoryObjectStore([key: try FixturePaths.data(path)]), key: key, displayName: path)
        }
        let visits = InMemoryTableSource(
            names: ["visit_id", "participant_id", "visited_at", "site"],
            rows: [["1", "PT_0011", "2024-03-28T16:15:00Z", "São Paulo"], ["2", "PT_0005", "2024-01-01T08:15:00Z", "Kraków"]])
        return SummaryTables([
            "participant": try file("quality/data/participant.csv"), "biospecimen": try file(biospecimen), "visits": visits,
        ])
    }

    @Test func twoDaysOfTheFixturesTableSummary() async throws {
        let registry = try ReportRegistry.parse(Array(try FixturePaths.data("quality/reports.yaml")), file: "reports.yaml", base: "Fixtures/quality")
        let entry = try #require(registry.reports.first { $0.kind == .tableSummary })
        let history = SummaryHistory()
        let first = try await TableSummaryReport().run(entry, context: try SummaryFixture.context("2024-03-14", tables: try Self.opener(biospecimen: "quality/data/biospecimen.csv"), history: history))
        #expect(first.headline.map(\.name) == ["rows participant", "rows biospecimen", "rows visits"])
        #expect(first.attachments.isEmpty)
        try await history.record(first, entry: entry, day: try CalendarDay("2024-03-14"))

        let second = try await TableSummaryReport().run(entry, context: try SummaryFixture.context("2024-03-15", tables: try Self.opener(biospecimen: "quality/data/day2/biospecimen.csv"), history: history))
        #expect(second.headline == [
            Headline(name: "rows participant", value: 30), Headline(name: "rows biospecimen", value: 42),
            Headline(name: "rows visits", value: 2), Headline(name: "changes", value: 15),
        ])
        #expect(second.attachments.map(\.text) == ["There were *15* changes made across *4/11* columns since 2024-03-14"])
        let changes = try JSONReader.parse(try #require(SummaryFixture.text(second, "changes.json")))
        let biospecimen = try #require(changes["tables"]?.arrayValue?.first { $0["table"] == .string("biospecimen") })
        #expect(biospecimen["added_columns"] == .array([.string("analyte_type")]))
        #expect(biospecimen["removed_columns"] == .array([.string("shipped_on")]))
        #expect(biospecimen["columns_changed"] == .array(["composition", "volume_ul", "visible", "consent_code"].map(JSONValue.string)))
        #expect(SummaryFixture.text(second, "diffs/biospecimen/composition.csv") == """
            value,count,previous_count,change
            Tumor,6,4,2
            Saliva,10,9,1
            Plasma,6,5,1
            Bone Marrow,15,17,-2

            """)
        // The declared type of a column the fixture's biospecimen lacks is recorded, not an error.
        let profile = try JSONReader.parse(try #require(SummaryFixture.text(second, "summaries/biospecimen/profile.json")))
        let spec = try #require(entry.tables.first { $0.name == "biospecimen" }).spec
        let dayTwoColumns = try CSVScanner.records(Array(try FixturePaths.data("quality/data/day2/biospecimen.csv")))[0]
        let absent = spec.types.keys.filter { !dayTwoColumns.contains($0) }.sorted()
        #expect(absent.contains("shipped_on"))
        #expect(profile["declared_absent"] == .array(absent.map(JSONValue.string)))
    }
}
