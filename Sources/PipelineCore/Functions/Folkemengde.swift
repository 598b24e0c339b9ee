import ReportKit

/// `folkemengde`: the population over the years (`historisk`), its change from year to year
/// (`historisk-prosent`) and the key numbers of the latest year (`nokkeltall`: population,
/// change from last year and over ten years, the last ten years' populations).
enum Folkemengde {
    static let function = BydelsfaktaFunction(
        name: "folkemengde", inputs: ["befolkning-etter-kjonn-og-alder"], keyColumns: ["kjonn"],
        numbers: [
            "befolkning-etter-kjonn-og-alder": .ages,
        ],
        types: ["historisk", "historisk-prosent", "nokkeltall"]
    ) { inputs, type, publishedDate throws(PipelineError) in
        let population = Population.bySubDistrict(Years.historic([inputs["befolkning-etter-kjonn-og-alder"] ?? []])[0])
        let rows = try withChanges(population)
        switch type {
        case "historisk":
            let metadata = GraphMetadata(heading: "Folkemengde utvikling historisk", series: [])
            return try DistrictFiles(series: ["population"], template: .flat, metadata: metadata).generate(rows, publishedDate: publishedDate)
        case "historisk-prosent":
            let changed = rows.filter { !$0["change"].isNaN && !$0["change_ratio"].isNaN }
            let metadata = GraphMetadata(heading: "Folkemengde utvikling historisk prosent", series: [])
            return try DistrictFiles(series: ["change"], template: .flat, metadata: metadata).generate(changed, publishedDate: publishedDate)
        default:
            let (status, years) = keyNumbers(rows)
            let metadata = GraphMetadata(
                heading: "Nøkkeltall om befolkningen",
                series: [("Folkemengde", "(totalt)"), ("Utvikling siste år", false), ("Utvikling siste 10 år", false)])
            return try DistrictFiles(series: ["population", "change", "change_10y"], template: .keyNumbers(history: years), metadata: metadata)
                .generate(status, publishedDate: publishedDate)
        }
    }

    /// Population with `change` (from the sub-district's previous year) and `change_10y`
    /// (latest year against ten years before), summed up the levels, then the ratios to the
    /// population the change started from.
    static func withChanges(_ population: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        guard let latest = population.map(\.date).max() else { return [] }
        guard population.contains(where: { $0.date == latest - 10 }) else {
            throw PipelineError.badInput("the population has no year \(latest - 10), ten years before \(latest)")
        }
        var rows = population
        var previous: [String: Double] = [:]
        var tenYearsBefore: [String: Double] = [:]
        for index in rows.indices {
            let key = rows[index].subDistrictID ?? ""
            rows[index]["change"] = previous[key].map { rows[index]["population"] - $0 } ?? .nan
            previous[key] = rows[index]["population"]
            if rows[index].date == latest - 10 { tenYearsBefore[key] = rows[index]["population"] }
        }
        for index in rows.indices {
            let key = rows[index].subDistrictID ?? ""
            let isLatest = rows[index].date == latest
            rows[index]["change_10y"] = isLatest ? tenYearsBefore[key].map { rows[index]["population"] - $0 } ?? .nan : .nan
        }
        var aggregated = try Aggregation(rules: ["population": .sum, "change": .sumAllOrNone, "change_10y": .sumAllOrNone]).aggregate(rows)
        // As the original: sort by district, sub-district (none last) and year, then take the
        // population one and ten rows up.
        aggregated.sort { lhs, rhs in
            if lhs.districtID != rhs.districtID { return (lhs.districtID ?? "\u{10FFFF}").precedesByCodePoints(rhs.districtID ?? "\u{10FFFF}") }
            if lhs.subDistrictID != rhs.subDistrictID {
                guard let left = lhs.subDistrictID else { return false }
                guard let right = rhs.subDistrictID else { return true }
                return left.precedesByCodePoints(right)
            }
            return lhs.date < rhs.date
        }
        for index in aggregated.indices {
            aggregated[index]["change_ratio"] = index >= 1 ? aggregated[index]["change"] / aggregated[index - 1]["population"] : .nan
            aggregated[index]["change_10y_ratio"] = index >= 10 ? aggregated[index]["change_10y"] / aggregated[index - 10]["population"] : .nan
        }
        return aggregated
    }

    /// The latest year's rows, each with the populations of the last ten years as columns
    /// `population@YEAR`; and those column names, oldest first.
    static func keyNumbers(_ rows: [StatisticsRow]) -> ([StatisticsRow], [String]) {
        guard let latest = rows.map(\.date).max() else { return ([], []) }
        let years = ((latest - 9)...latest).map { "population@\($0)" }
        var history: [String: [String: Double]] = [:]
        for row in rows where row.date > latest - 10 {
            history[place(row), default: [:]]["population@\(row.date)"] = row["population"]
        }
        let status = rows.filter { $0.date == latest }.map { row in
            var row = row
            for (column, value) in history[place(row)] ?? [:] { row[column] = value }
            return row
        }
        return (status, years)
    }

    private static func place(_ row: StatisticsRow) -> String {
        "\(row.districtID ?? "")|\(row.subDistrictID ?? "#")"
    }
}

/// Population counts from the age columns.
enum Population {
    /// Per year and sub-district: the sum of every age column over both sexes (the original's
    /// `generate_population_df`). Rows without a full place are left out, as pandas' groupby does.
    static func bySubDistrict(_ rows: [StatisticsRow], ages: ClosedRange<Int>? = nil) -> [StatisticsRow] {
        let (order, sums) = subDistrictSums(rows, ages: ages)
        return inRowOrder(order).map { position in
            let key = order[position]
            return StatisticsRow(date: key.date, districtID: key.districtID, districtName: key.districtName,
                                 subDistrictID: key.subDistrictID, subDistrictName: key.subDistrictName, numbers: ["population": sums[position]])
        }
    }

    /// The positions of `places` in ``bySubDistrict(_:ages:)``'s row order: by year, then
    /// sub-district id and name, district id and name, by code points.
    static func inRowOrder(_ places: [YearAndPlace]) -> [Int] {
        func precedes(_ left: String, _ right: String) -> Bool? { left == right ? nil : left.precedesByCodePoints(right) }
        return places.indices.sorted { lhs, rhs in
            let (lhs, rhs) = (places[lhs], places[rhs])
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            return precedes(lhs.subDistrictID, rhs.subDistrictID) ?? precedes(lhs.subDistrictName, rhs.subDistrictName)
                ?? precedes(lhs.districtID, rhs.districtID) ?? precedes(lhs.districtName, rhs.districtName) ?? false
        }
    }

    /// Each year and sub-district with names, in the order first seen, and the sum of its rows'
    /// age columns (`ages`, or all) in file order. Rows without a full place, and rows of the
    /// districts in `leavingOut`, count nowhere.
    static func subDistrictSums(
        _ rows: [StatisticsRow], ages: ClosedRange<Int>? = nil, leavingOut: Set<String> = []
    ) -> (places: [YearAndPlace], sums: [Double]) {
        var places: [YearAndPlace] = []
        var sums: [Double] = []
        var slot: [YearAndPlace: Int] = [:]
        // Room for a group per row: growing the table would hash every key again.
        slot.reserveCapacity(rows.count)
        // The rows of one year and place mostly follow each other (one per sex): the last
        // row's group is tried before the table.
        var last: (key: YearAndPlace, slot: Int)?
        // Whether the last district seen is left out: rows of a district follow each other,
        // and comparing its id is cheaper than hashing it.
        var lastDistrict: (id: String, leftOut: Bool)?
        for row in rows {
            guard let district = row.districtID, row.districtName != nil, row.subDistrictID != nil, row.subDistrictName != nil else { continue }
            if !leavingOut.isEmpty {
                if lastDistrict?.id != district { lastDistrict = (district, leavingOut.contains(district)) }
                if lastDistrict!.leftOut { continue }
            }
            let key = YearAndPlace(row, withNames: true)
            let sum = row.sumOfNumberedColumns(in: ages)
            if let last, last.key == key {
                sums[last.slot] += sum
            } else if let known = slot[key] {
                sums[known] += sum
                last = (key, known)
            } else {
                slot[key] = places.count
                last = (key, places.count)
                places.append(key)
                sums.append(0 + sum)
            }
        }
        return (places, sums)
    }
}
