import ReportKit

/// `husholdning_med_barn`: households with one, two, or three or more children, as counts
/// and shares of all households; one group or all, latest year or over the years.
enum HusholdningMedBarn {
    static let allSeries: [(String, JSONValue)] = [("Husholdninger", "med 1 barn"), ("Husholdninger", "med 2 barn"), ("Husholdninger", "med 3 barn eller flere")]

    static let kinds: [String: DatasetKind] = [
        "alle_status": DatasetKind("Husholdninger med barn", allSeries, columns: ["one_child", "two_child", "three_or_more"]),
        "alle_historisk": DatasetKind("Husholdninger med barn", allSeries + [("Totalt", "")], columns: ["one_child", "two_child", "three_or_more", "total"], template: .perSeries),
        "1barn_status": DatasetKind("Husholdninger med 1 barn", columns: ["one_child"], scale: "one_child"),
        "1barn_historisk": DatasetKind("Husholdninger med 1 barn", columns: ["one_child"]),
        "2barn_status": DatasetKind("Husholdninger med 2 barn", columns: ["two_child"], scale: "two_child"),
        "2barn_historisk": DatasetKind("Husholdninger med 2 barn", columns: ["two_child"]),
        "3barn_status": DatasetKind("Husholdninger med 3 barn", columns: ["three_or_more"], scale: "three_or_more"),
        "3barn_historisk": DatasetKind("Husholdninger med 3 barn", columns: ["three_or_more"]),
    ]

    static let function = BydelsfaktaFunction(
        name: "husholdning_med_barn", inputs: ["husholdninger-med-barn"], keyColumns: [],
        numbers: [
            "husholdninger-med-barn": .named(["ett_barn_i_hh", "fire_barn_eller_mer", "ingen_barn_i_hh", "to_barn_i_hh", "tre_barn_i_hh"]),
        ],
        types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        let kind = try DatasetKind.named(type, in: kinds)
        let input = (tables["husholdninger-med-barn"] ?? []).map { row in
            var groups = StatisticsRow(date: row.date, districtID: row.districtID, districtName: row.districtName,
                                       subDistrictID: row.subDistrictID, subDistrictName: row.subDistrictName)
            let (one, two, three, none) = (row["ett_barn_i_hh"], row["to_barn_i_hh"], row["tre_barn_i_hh"] + row["fire_barn_eller_mer"], row["ingen_barn_i_hh"])
            groups.addNewColumns(["one_child", "two_child", "three_or_more", "no_children", "total"], [one, two, three, none, one + two + three + none])
            return groups
        }
        let rows = try Aggregation().aggregate(input)
            .withRatios(["one_child", "two_child", "three_or_more", "no_children", "total"]) { $0["total"] }
        return try kind.files(rows, type: type, publishedDate: publishedDate)
    }
}
