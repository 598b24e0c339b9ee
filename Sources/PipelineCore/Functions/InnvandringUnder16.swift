import ReportKit

/// `innvandring_under16`: children under 16 who are immigrants, or have one or two immigrant
/// parents, as counts and shares of all children; latest year or over the years.
enum InnvandringUnder16 {
    static let kinds: [String: DatasetKind] = [
        "en-innvandrer_historisk": DatasetKind("Personer (under 16) med én innvandrerforelder", columns: ["en_forelder"]),
        "en-innvandrer_status": DatasetKind("Personer (under 16) med én innvandrerforelder", columns: ["en_forelder"], scale: "en_forelder"),
        "to-innvandrer_historisk": DatasetKind("Personer (under 16) med to innvandrerforeldre", columns: ["to_foreldre"]),
        "to-innvandrer_status": DatasetKind("Personer (under 16) med to innvandrerforeldre", columns: ["to_foreldre"], scale: "to_foreldre"),
        "innvandrer_status": DatasetKind("Innvandrere (under 16)", columns: ["innvandrer"], scale: "innvandrer"),
        "innvandrer_historisk": DatasetKind("Andel innvandrere (under 16)", columns: ["innvandrer"]),
    ]

    static let function = BydelsfaktaFunction(
        name: "innvandring_under16", inputs: ["innvandrer-befolkningen-0-15-ar"], keyColumns: ["alder"],
        numbers: [
            "innvandrer-befolkningen-0-15-ar": .named(["fodt_i_utlandet_av_norskfodte_foreldre", "innvandrer", "norskfodt_med_en_utenlandskfodt_forelder", "norskfodt_med_innvandrerforeldre", "uten_innvandringsbakgrunn", "utenlandsfodt_med_en_norsk_forelder"]),
        ],
        types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        let kind = try DatasetKind.named(type, in: kinds)
        let input = (tables["innvandrer-befolkningen-0-15-ar"] ?? []).filter { $0.keys["alder"] == "0-15 år" }.map { row in
            var children = StatisticsRow(date: row.date, districtID: row.districtID, districtName: row.districtName,
                                         subDistrictID: row.subDistrictID, subDistrictName: row.subDistrictName)
            children["en_forelder"] = row["norskfodt_med_en_utenlandskfodt_forelder"] + row["utenlandsfodt_med_en_norsk_forelder"]
            children["to_foreldre"] = row["norskfodt_med_innvandrerforeldre"]
            children["innvandrer"] = row["innvandrer"]
            children["total"] = row["fodt_i_utlandet_av_norskfodte_foreldre"] + row["innvandrer"] + row["uten_innvandringsbakgrunn"]
                + children["to_foreldre"] + children["en_forelder"]
            return children
        }
        let rows = try Aggregation(rules: ["to_foreldre": .sum, "en_forelder": .sum, "innvandrer": .sum, "total": .sum]).aggregate(input)
            .withRatios(["to_foreldre", "en_forelder", "innvandrer"]) { $0["total"] }
        return try kind.files(rows, type: type, publishedDate: publishedDate)
    }
}
