import ReportKit

/// `botid_ikke_vestlige`: immigrants from Asia, Africa, Latin America and Eastern Europe
/// outside the EU who have lived in Norway five years or less, as a count and a share of the
/// population; latest year or over the years.
enum BotidIkkeVestlige {
    static let point = "ikke_vestlig_kort"
    static let kinds: [String: DatasetKind] = {
        let series: [(String, JSONValue)] = [("Innvandrere fra Asia, Afrika, Latin-Amerika og Øst-Europa utenfor EU med botid kortere enn fem år", "")]
        return [
            "historisk": DatasetKind("Ikke-vestlige innvandrere korttid", series, columns: [point]),
            "status": DatasetKind("Ikke-vestlige innvandrere korttid", series, columns: [point], scale: point),
        ]
    }()

    static let function = BydelsfaktaFunction(
        name: "botid_ikke_vestlige", inputs: ["botid-ikke-vestlige", "befolkning-etter-kjonn-og-alder"], keyColumns: ["kjonn", "botid"],
        numbers: [
            "befolkning-etter-kjonn-og-alder": .ages,
            "botid-ikke-vestlige": .named(["asia_afrika_latin_amerika_og_ost_europa_utenfor_eu"]),
        ],
        types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        let kind = try DatasetKind.named(type, in: kinds)
        return try kind.files(try shares(tables["botid-ikke-vestlige"] ?? [], population: tables["befolkning-etter-kjonn-og-alder"] ?? []),
                              type: type, publishedDate: publishedDate)
    }

    /// Short-residence non-western immigrants per place and year, summed up the levels, with
    /// their share of the population of the same place and year.
    static func shares(_ residence: [StatisticsRow], population: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        let short = residence.compactMap { row -> StatisticsRow? in
            guard row.districtID != nil, row.districtName != nil, row.subDistrictID != nil, row.subDistrictName != nil else { return nil }
            var counted = StatisticsRow(date: row.date, districtID: row.districtID, districtName: row.districtName,
                                        subDistrictID: row.subDistrictID, subDistrictName: row.subDistrictName)
            let value = row["asia_afrika_latin_amerika_og_ost_europa_utenfor_eu"]
            counted[point] = row.keys["botid"] == "Innvandrer, kort botid (<=5 år)" && !value.isNaN ? value : 0
            return counted
        }
        let counts = try Aggregation(rules: [point: .sum]).aggregate(short)
        var people: [YearAndPlace: Double] = [:]
        for total in Population.totals(population) { people[total.yearAndPlace] = total.population }
        return counts.compactMap { row in
            guard let total = people[row.yearAndPlace()] else { return nil }
            var row = row
            row["population"] = total
            row["\(point)_ratio"] = row[point] / total
            return row
        }
    }
}
