import ReportKit

/// `innvandrer_befolkning`: immigrants with short (≤ 5 years) and long residence, and those
/// born in Norway to immigrant parents, as counts and shares of the population; all three
/// (`alle_*`) or one (`kort_*`, `lang_*`, `to_foreldre_*`), latest year or over the years.
enum InnvandrerBefolkning {
    static let categories = [
        "Innvandrer, kort botid (<=5 år)": "short", "Innvandrer, lang botid (>5 år)": "long", "Øvrige befolkning": "two_parents",
    ]

    static let kinds: [String: DatasetKind] = {
        let short: (String, JSONValue) = ("Innvandrer", "kort botid (<=5 år)")
        let long: (String, JSONValue) = ("Innvandrer", "lang botid (>5 år)")
        let parents: (String, JSONValue) = ("Norskfødt", "med innvandrerforeldre")
        return [
            "alle_status": DatasetKind("Innvandring befolkning", [short, long, parents], columns: ["short", "long", "two_parents"]),
            "alle_historisk": DatasetKind("Innvandring befolkning", [short, long, parents, ("Totalt", "")], columns: ["short", "long", "two_parents", "total_cat"], template: .perSeries),
            "kort_status": DatasetKind("Innvandrer med kort botid (<=5 år)", columns: ["short"], scale: "short"),
            "kort_historisk": DatasetKind("Innvandrer med kort botid (<=5 år)", columns: ["short"]),
            "lang_status": DatasetKind("Innvandrer med lang botid (>5 år)", columns: ["long"], scale: "long"),
            "lang_historisk": DatasetKind("Innvandrer med lang botid (>5 år)", columns: ["long"]),
            "to_foreldre_status": DatasetKind("Norskfødt med innvandrerforeldre", columns: ["two_parents"], scale: "two_parents"),
            "to_foreldre_historisk": DatasetKind("Norskfødt med innvandrerforeldre", columns: ["two_parents"]),
        ]
    }()

    static let function = BydelsfaktaFunction(
        name: "innvandrer_befolkning", inputs: ["botid", "befolkning-etter-kjonn-og-alder"], keyColumns: ["kjonn", "botid"],
        numbers: [
            "befolkning-etter-kjonn-og-alder": .ages,
            "botid": .named(["innvandrer", "norskfodt_med_innvandrerforeldre"]),
        ],
        types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        let kind = try DatasetKind.named(type, in: kinds)
        let residence = (tables["botid"] ?? []).filter { $0.subDistrictID != nil }
        let population = (tables["befolkning-etter-kjonn-og-alder"] ?? []).filter { $0.subDistrictID != nil }
        let sources = type.hasSuffix("status") ? try Years.status([residence, population]) : Years.historic([residence, population])
        return try kind.files(try generate(residence: sources[0], population: sources[1]), type: type, publishedDate: publishedDate)
    }

    /// Per sub-district and year: the three groups (immigrants and children of immigrants
    /// per residence category) and the population, summed up the levels, with shares.
    static func generate(residence: [StatisticsRow], population: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        var people: [YearAndPlace: Double] = [:]
        for row in population {
            people[row.yearAndPlace(), default: 0] += row.sumOfNumberedColumns
        }
        let columns = ["short", "long", "two_parents"]
        var slotOf = TextMemo(Dictionary(uniqueKeysWithValues: categories.map { ($0.key, columns.firstIndex(of: $0.value)!) }))
        var order: [YearAndPlace] = []
        var groupOf: [YearAndPlace: Int] = [:]
        // Per place and column: the sum, or nil while no row has counted towards it.
        var sums: [Double?] = []
        var counts = ColumnSlots(["innvandrer", "norskfodt_med_innvandrerforeldre"])
        for row in residence {
            guard row.districtID != nil, row.districtName != nil, row.subDistrictID != nil, row.subDistrictName != nil else { continue }
            let place = YearAndPlace(row, withNames: true)
            let group: Int
            if let known = groupOf[place] {
                group = known
            } else {
                group = order.count
                groupOf[place] = group
                order.append(place)
                sums += [nil, nil, nil]
            }
            guard let column = slotOf.value(of: row.keys["botid"] ?? "") else { continue }
            let found = counts.slots(in: row)
            let count = [row.value(at: found[0]), row.value(at: found[1])].filter { !$0.isNaN }.reduce(0, +)
            sums[group * 3 + column] = (sums[group * 3 + column] ?? 0) + count
        }
        let subDistricts: [StatisticsRow] = order.indices.compactMap { group in
            let place = order[group]
            var row = StatisticsRow(date: place.date, districtID: place.districtID, districtName: place.districtName,
                                    subDistrictID: place.subDistrictID, subDistrictName: place.subDistrictName)
            guard let total = people[row.yearAndPlace()] else { return nil }
            for (slot, column) in columns.enumerated() { row[column] = sums[group * 3 + slot] ?? .nan }
            row["total"] = total
            return row
        }
        var aggregated = try Aggregation(rules: ["two_parents": .sum, "short": .sum, "long": .sum, "total": .sum]).aggregate(subDistricts)
        let shown = ["two_parents", "short", "long", "total_cat"]
        let set = ["total_cat"] + shown.map { "\($0)_ratio" }
        var read = ColumnSlots(["two_parents", "short", "long", "total"]), write = ColumnSlots(set)
        for index in aggregated.indices {
            // Slots found before setting: `total_cat` and the ratios are columns of their own.
            let values = read.slots(in: aggregated[index]).map { aggregated[index].value(at: $0) }
            let targets = write.slots(in: aggregated[index])
            let total = values[0] + values[1] + values[2]
            aggregated[index].set(total, at: targets[0], column: set[0])
            for (slot, value) in [values[0], values[1], values[2], total].enumerated() {
                aggregated[index].set(value / values[3], at: targets[slot + 1], column: set[slot + 1])
            }
        }
        return aggregated
    }
}
