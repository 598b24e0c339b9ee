@testable import PipelineCore
import ReportKit
import Testing

/// `Population.totals` against what it replaces: the aggregation of `bySubDistrict`'s rows.
@Suite("population totals")
struct PopulationTotalsTests {
    /// Rows out of order, two sexes per place, non-ASCII names, a district whose sub-districts
    /// sort apart, rows without a full place, and fractions whose sum depends on its order.
    static let rows: [StatisticsRow] = {
        func row(_ year: Int, _ district: String?, _ name: String?, _ sub: String?, _ subName: String?, _ ages: [Double]) -> StatisticsRow {
            StatisticsRow(date: year, districtID: district, districtName: name, subDistrictID: sub, subDistrictName: subName,
                          numbers: Dictionary(uniqueKeysWithValues: ages.enumerated().map { ("\($0.offset)", $0.element) }))
        }
        return [
            row(2021, "02", "Bydel Grünerløkka", "0202", "Grünerløkka vest", [0.1, 1e16]),
            row(2020, "01", "Bydel Gamle Oslo", "0101", "Gamle Oslo 1", [3, .nan]),
            row(2020, "02", "Bydel Grünerløkka", "0299", "Øvrige", [0.2, 0.3]),
            row(2020, "01", "Bydel Gamle Oslo", "0101", "Gamle Oslo 1", [4, 5]),
            row(2020, "16", "Sentrum", "1601", "Sentrum 1", [7, 0.7]),
            row(2020, "02", "Bydel Grünerløkka", "0201", "Ålesund-kvartalet", [1e16, 0.1]),
            row(2021, "02", "Bydel Grünerløkka", "0202", "Grünerløkka vest", [1, 0.3]),
            row(2021, "01", "Bydel Gamle Oslo", nil, nil, [100]),
            row(2020, "02", "Bydel Grünerløkka", "0201", "Ålesund-kvartalet", [0.3, 0.1]),
            row(2021, "16", "Sentrum", "1601", "Sentrum 1", [1e16, 0.7]),
        ]
    }()

    func expected(_ rows: [StatisticsRow]) throws -> [(YearAndPlace, Double)] {
        try Aggregation(rules: ["population": .sum]).aggregate(Population.bySubDistrict(rows)).map { ($0.yearAndPlace(withNames: true), $0["population"]) }
    }

    @Test("the same places in the same order, each total the same to the bit")
    func sameAsAggregation() throws {
        let totals = Population.totals(Self.rows)
        let expected = try expected(Self.rows)
        #expect(totals.map(\.place) == expected.map(\.0))
        #expect(totals.map(\.population.bitPattern) == expected.map(\.1.bitPattern))
        #expect(totals.count == 13)
    }

    @Test("left-out districts count nowhere, Oslo included")
    func leavingOut() throws {
        let totals = Population.totals(Self.rows, leavingOut: ["16"])
        let expected = try expected(Self.rows.filter { $0.districtID != "16" })
        #expect(totals.map(\.place) == expected.map(\.0))
        #expect(totals.map(\.population.bitPattern) == expected.map(\.1.bitPattern))
        #expect(totals.last?.place.districtName == "Oslo i alt")
    }
}
