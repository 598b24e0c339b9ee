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
        var people: [String: Double] = [:]
        for row in population {
            people[row.yearAndPlace(), default: 0] += row.sumOfNumberedColumns
        }
        struct Place: Hashable { var date: Int; var district: String; var districtName: String; var sub: String; var subName: String }
        var order: [Place] = []
        var groups: [Place: [String: Double]] = [:]
        for row in residence {
            guard let district = row.districtID, let districtName = row.districtName, let sub = row.subDistrictID,
                  let subName = row.subDistrictName else { continue }
            let place = Place(date: row.date, district: district, districtName: districtName, sub: sub, subName: subName)
            if groups[place] == nil { order.append(place); groups[place] = [:] }
            guard let column = categories[row.keys["botid"] ?? ""] else { continue }
            let count = [row["innvandrer"], row["norskfodt_med_innvandrerforeldre"]].filter { !$0.isNaN }.reduce(0, +)
            groups[place]![column, default: 0] += count
        }
        let subDistricts: [StatisticsRow] = order.compactMap { place in
            guard let total = people["\(place.date)|\(place.district)|\(place.sub)"] else { return nil }  // the key yearAndPlace() gives the population rows
            var row = StatisticsRow(date: place.date, districtID: place.district, districtName: place.districtName,
                                    subDistrictID: place.sub, subDistrictName: place.subName)
            for column in ["short", "long", "two_parents"] { row[column] = groups[place]![column] ?? .nan }
            row["total"] = total
            return row
        }
        var aggregated = try Aggregation(rules: ["two_parents": .sum, "short": .sum, "long": .sum, "total": .sum]).aggregate(subDistricts)
        for index in aggregated.indices {
            aggregated[index]["total_cat"] = aggregated[index]["two_parents"] + aggregated[index]["short"] + aggregated[index]["long"]
            for column in ["two_parents", "short", "long", "total_cat"] {
                aggregated[index]["\(column)_ratio"] = aggregated[index][column] / aggregated[index]["total"]
            }
        }
        return aggregated
    }
}
