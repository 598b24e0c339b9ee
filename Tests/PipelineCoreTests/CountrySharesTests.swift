@testable import PipelineCore
import ReportKit
import Testing

/// `CountryShare.withShares` and `largest`: the joined table of `landbakgrunn_innvandringsgrupper`.
@Suite("country shares")
struct CountrySharesTests {
    static func country(_ year: Int, _ district: String, _ name: String, _ country: String?, _ first: Double, _ second: Double) -> StatisticsRow {
        StatisticsRow(date: year, districtID: district, districtName: name, subDistrictID: nil, subDistrictName: nil,
                      keys: country.map { ["landbakgrunn": $0] } ?? [:],
                      numbers: ["innvandrer": first, "norskfodt_med_innvandrerforeldre": second])
    }

    static func people(_ year: Int, _ district: String, _ name: String, _ sub: String, _ ages: [Double]) -> StatisticsRow {
        StatisticsRow(date: year, districtID: district, districtName: name, subDistrictID: sub, subDistrictName: "\(sub) navn",
                      numbers: Dictionary(uniqueKeysWithValues: ages.enumerated().map { ("\($0.offset)", $0.element) }))
    }

    static let population = [
        people(2020, "01", "Bydel A", "0101", [10, 20]), people(2020, "01", "Bydel A", "0102", [5, .nan]),
        people(2020, "02", "Bydel B", "0201", [40, 0]), people(2020, "16", "Sentrum", "1601", [7]),
        people(2021, "01", "Bydel A", "0101", [50, 0]),
    ]

    static func share(_ year: Int, _ district: String, _ name: String, _ country: String?, _ counts: (Double, Double, Double), _ population: Double) -> CountryShare {
        CountryShare(date: year, districtID: district, districtName: name, country: country, counts: counts, population: population,
                     ratios: (counts.0 / population, counts.1 / population, counts.2 / population))
    }

    @Test("totals, the districts' rows with a population, then Oslo's sums by year and country")
    func joined() {
        let countries = [
            Self.country(2021, "01", "Bydel A", "Polen", 10, 5), Self.country(2020, "01", "Bydel A", "Polen", 7, .nan),
            Self.country(2020, "02", "Bydel B", "Sverige", 4, 4), Self.country(2020, "02", "Bydel B", "Polen", 1, 2),
            // Sentrum has no population (16 is left out), but counts in Oslo's sums.
            Self.country(2020, "16", "Sentrum", "Polen", 3, 3),
        ]
        let shares = CountryShare.withShares(countries: countries, population: Self.population)
        let expected = [
            Self.share(2021, "01", "Bydel A", "Polen", (15, 10, 5), 50), Self.share(2020, "01", "Bydel A", "Polen", (7, 7, .nan), 35),
            Self.share(2020, "02", "Bydel B", "Sverige", (8, 4, 4), 40), Self.share(2020, "02", "Bydel B", "Polen", (3, 1, 2), 40),
            Self.share(2020, "00", "Oslo i alt", "Polen", (16, 11, 5), 75), Self.share(2020, "00", "Oslo i alt", "Sverige", (8, 4, 4), 75),
            Self.share(2021, "00", "Oslo i alt", "Polen", (15, 10, 5), 50),
        ]
        #expect(shares.count == expected.count)
        for (got, want) in zip(shares, expected) { #expect(got == want) }
        #expect(shares[1].ratio(2).isNaN && shares[1].count(0) == 7 && shares[0].ratio(1) == 10.0 / 50)
    }

    @Test("a row without a country keeps none; Oslo sums it as the empty country")
    func noCountry() {
        let shares = CountryShare.withShares(countries: [Self.country(2020, "02", "Bydel B", nil, 1, 1)], population: Self.population)
        #expect(shares.map(\.country) == [nil, ""])
        #expect(shares.map(\.districtID) == ["02", "00"])
    }

    @Test("largest: the latest year's rows by total, ties in row order, at most count")
    func largest() {
        let shares = [
            Self.share(2020, "01", "A", "Old", (100, 0, 0), 1), Self.share(2021, "01", "A", "B", (5, 0, 0), 1),
            Self.share(2021, "01", "A", "C", (9, 0, 0), 1), Self.share(2021, "01", "A", nil, (5, 0, 0), 1),
            Self.share(2021, "01", "A", "D", (1, 0, 0), 1),
        ]
        #expect(CountryShare.largest(Array(shares.indices), in: shares, count: 3) == ["C", "B", ""])
        #expect(CountryShare.largest([0, 4], in: shares, count: 10) == ["D"])
        #expect(CountryShare.largest([], in: shares, count: 10) == [])
    }
}
