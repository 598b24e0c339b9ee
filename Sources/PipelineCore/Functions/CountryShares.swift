/// One row of `landbakgrunn_innvandringsgrupper`'s joined table: a year, a district (or Oslo,
/// `00`), a country of origin, the two counts and their sum, the district's population and
/// each count's share of it. Plain stored numbers: the function reads every one of them for
/// thousands of rows, which a ``StatisticsRow`` would copy and look up by name each time.
struct CountryShare: Equatable {
    var date: Int
    var districtID: String?
    var districtName: String?
    /// The row's `landbakgrunn`; `nil` when the file has no such column.
    var country: String?
    /// `total`, `innvandrer`, `norskfodt_med_innvandrerforeldre`, in that order (NaN when missing).
    var counts: (Double, Double, Double)
    var population: Double
    /// Each of ``counts`` divided by ``population``.
    var ratios: (Double, Double, Double)

    /// The count of series `slot` (0 total, 1 innvandrer, 2 norskfodt_med_innvandrerforeldre).
    func count(_ slot: Int) -> Double { slot == 0 ? counts.0 : slot == 1 ? counts.1 : counts.2 }

    /// The ratio of series `slot`, as ``count(_:)``.
    func ratio(_ slot: Int) -> Double { slot == 0 ? ratios.0 : slot == 1 ? ratios.1 : ratios.2 }

    static func == (lhs: CountryShare, rhs: CountryShare) -> Bool {
        func same(_ left: (Double, Double, Double), _ right: (Double, Double, Double)) -> Bool {
            left.0.bitPattern == right.0.bitPattern && left.1.bitPattern == right.1.bitPattern && left.2.bitPattern == right.2.bitPattern
        }
        return lhs.date == rhs.date && lhs.districtID == rhs.districtID && lhs.districtName == rhs.districtName && lhs.country == rhs.country
            && same(lhs.counts, rhs.counts) && lhs.population.bitPattern == rhs.population.bitPattern && same(lhs.ratios, rhs.ratios)
    }
}

extension CountryShare {
    /// The country rows with `total` (the two counts' sum, a missing one left out), then
    /// Oslo's sums per year and country (sorted by year, then country by code points), joined
    /// with the district populations (16 Sentrum and 17 Marka left out; a row whose district
    /// and year have none is dropped), each count's share of the population set.
    static func withShares(countries: [StatisticsRow], population: [StatisticsRow]) -> [CountryShare] {
        var slots = ColumnSlots(["innvandrer", "norskfodt_med_innvandrerforeldre"])
        // Each row's counts, and Oslo's sums per year and country in the order first seen.
        struct YearCountry { var date: Int; var country: String }
        var counts: [(Double, Double, Double)] = []
        counts.reserveCapacity(countries.count)
        var names: [String?] = []
        names.reserveCapacity(countries.count)
        var osloKeys: [YearCountry] = []
        var osloSums: [(Double, Double, Double)] = []
        // Each year's countries, by name: a table of text keys (whose type the process has
        // made already) per year, rather than a table of a key type of its own, whose first
        // use looks its hashing up among all of the program's conformances.
        var osloYears: [(date: Int, slots: [String: Int])] = []
        var year = -1
        for row in countries {
            let found = slots.slots(in: row)
            let (first, second) = (row.value(at: found[0]), row.value(at: found[1]))
            var total = 0.0
            if !first.isNaN { total += first }
            if !second.isNaN { total += second }
            counts.append((total, first, second))
            let country = row.keys["landbakgrunn"]
            names.append(country)
            if year < 0 || osloYears[year].date != row.date {
                if let known = osloYears.firstIndex(where: { $0.date == row.date }) {
                    year = known
                } else {
                    year = osloYears.count
                    osloYears.append((row.date, [:]))
                }
            }
            let slot: Int
            if let known = osloYears[year].slots[country ?? ""] {
                slot = known
            } else {
                slot = osloKeys.count
                osloYears[year].slots[country ?? ""] = slot
                osloKeys.append(YearCountry(date: row.date, country: country ?? ""))
                osloSums.append((0, 0, 0))
            }
            // Oslo sums innvandrer, norskfodt and total in that order of columns.
            if !first.isNaN { osloSums[slot].1 += first }
            if !second.isNaN { osloSums[slot].2 += second }
            osloSums[slot].0 += total
        }
        let osloOrder = osloKeys.indices.sorted { lhs, rhs in
            let (lhs, rhs) = (osloKeys[lhs], osloKeys[rhs])
            return lhs.date != rhs.date ? lhs.date < rhs.date : lhs.country.precedesByCodePoints(rhs.country)
        }

        let totals = DistrictPopulations(population)
        var shares: [CountryShare] = []
        shares.reserveCapacity(countries.count + osloOrder.count)
        // Rows of one district and year follow each other: the last one's population is
        // tried before the table.
        var last: (date: Int, districtID: String?, districtName: String?, population: Double?)?
        func add(_ date: Int, _ districtID: String?, _ districtName: String?, _ country: String?, _ counts: (Double, Double, Double)) {
            let population: Double?
            if let last, last.date == date, last.districtID == districtID, last.districtName == districtName {
                population = last.population
            } else {
                population = totals.population(date: date, districtID: districtID ?? "", districtName: districtName ?? "")
                last = (date, districtID, districtName, population)
            }
            guard let total = population else { return }
            shares.append(CountryShare(
                date: date, districtID: districtID, districtName: districtName, country: country, counts: counts, population: total,
                ratios: (counts.0 / total, counts.1 / total, counts.2 / total)))
        }
        for (position, row) in countries.enumerated() {
            add(row.date, row.districtID, row.districtName, names[position], counts[position])
        }
        for position in osloOrder {
            add(osloKeys[position].date, "00", "Oslo i alt", osloKeys[position].country, osloSums[position])
        }
        return shares
    }

    /// The `count` countries with the largest `total` in the latest year of `rows` (positions
    /// in `shares`); ties keep the rows' order (pandas' `nlargest`). A row without a country
    /// counts as `""`.
    static func largest(_ positions: [Int], in shares: [CountryShare], count: Int) -> [String] {
        guard let latest = positions.lazy.map({ shares[$0].date }).max() else { return [] }
        let current = positions.filter { shares[$0].date == latest }
        // Positions rise with the rows' order, so they break ties as the offsets would.
        let ordered = current.sorted { shares[$0].counts.0 != shares[$1].counts.0 ? shares[$0].counts.0 > shares[$1].counts.0 : $0 < $1 }
        return ordered.prefix(count).map { shares[$0].country ?? "" }
    }
}

/// The districts' populations per year (`Population.totals` without sub-districts, 16 and
/// 17 left out, Oslo as `00`), found by year, district id and name.
struct DistrictPopulations {
    /// Keyed by the totals' own places (no sub-district): a key type the process has hashed
    /// already, whose hashing is not looked up again.
    private var totals: [YearAndPlace: Double] = [:]

    init(_ population: [StatisticsRow]) {
        for total in Population.totals(population, leavingOut: ["16", "17"]) where total.place.subDistrictID.isEmpty {
            totals[total.place] = total.population
        }
    }

    /// The population of the district in the year, `nil` when there is none.
    func population(date: Int, districtID: String, districtName: String) -> Double? {
        totals[YearAndPlace(date: date, districtID: districtID, districtName: districtName)]
    }
}
