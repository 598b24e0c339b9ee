import ReportKit

/// `husholdningstyper`: households by type (one person, couples without children, couples
/// with children, single parents, several families) as counts and shares of all.
enum Husholdningstyper {
    static let all = ["aleneboende", "par_uten_barn", "par_med_barn", "mor_far_med_barn", "flerfamiliehusholdninger", "total"]
    static let series: [(String, JSONValue)] = [
        ("Énpersonshusholdninger", ""), ("Par uten barn", ""), ("Par med barn", ""), ("Mor eller far", "med barn"), ("Flerfamiliehusholdninger", ""),
    ]

    static let kinds: [String: DatasetKind] = [
        "status": DatasetKind("Husholdninger etter husholdningstype", series, columns: Array(all.dropLast()), scale: "aleneboende"),
        "historisk": DatasetKind("Husholdninger etter husholdningstype", series + [("Totalt", "")], columns: all, template: .perSeries, scale: "aleneboende"),
    ]

    static let function = BydelsfaktaFunction(
        name: "husholdningstyper", inputs: ["husholdningstyper"], keyColumns: [],
        numbers: [
            "husholdningstyper": .named(["aleneboende", "enfamiliehusholdninger_med_voksne_barn", "flerfamiliehusholdninger_med_smaa_barn", "flerfamiliehusholdninger_med_store_barn", "flerfamiliehusholdninger_uten_barn_0_til_17_aar", "mor_eller_far_med_smaa_barn", "mor_eller_far_med_store_barn", "par_med_smaa_barn", "par_med_store_barn", "par_uten_hjemmeboende_barn"]),
        ],
        types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        let kind = try DatasetKind.named(type, in: kinds)
        // Rows without a sub-district are left out, as the original's first grouping does.
        let input: [StatisticsRow] = (tables["husholdningstyper"] ?? []).compactMap { row in
            guard row.districtID != nil, row.districtName != nil, row.subDistrictID != nil, row.subDistrictName != nil else { return nil }
            var types = StatisticsRow(date: row.date, districtID: row.districtID, districtName: row.districtName,
                                      subDistrictID: row.subDistrictID, subDistrictName: row.subDistrictName)
            types["aleneboende"] = row["aleneboende"]
            types["par_uten_barn"] = row["par_uten_hjemmeboende_barn"]
            types["par_med_barn"] = row["par_med_smaa_barn"] + row["par_med_store_barn"]
            types["mor_far_med_barn"] = row["mor_eller_far_med_smaa_barn"] + row["mor_eller_far_med_store_barn"]
            types["flerfamiliehusholdninger"] = row["enfamiliehusholdninger_med_voksne_barn"] + row["flerfamiliehusholdninger_med_smaa_barn"]
                + row["flerfamiliehusholdninger_med_store_barn"] + row["flerfamiliehusholdninger_uten_barn_0_til_17_aar"]
            types["total"] = ["par_uten_barn", "par_med_barn", "mor_far_med_barn", "flerfamiliehusholdninger", "aleneboende"].map { types[$0] }.reduce(0, +)
            return types
        }
        let rows = try Aggregation().aggregate(input).withRatios(all) { $0["total"] }
        return try kind.files(rows, type: type, publishedDate: publishedDate)
    }
}
