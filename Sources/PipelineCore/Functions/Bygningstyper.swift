import ReportKit

/// `bygningstyper`: dwellings by building type (blocks, terraced and semi-detached houses,
/// detached houses) as counts and shares of all; one type, all, or the total, latest year or
/// over the years.
enum Bygningstyper {
    static let allSeries: [(String, JSONValue)] = [("Blokk, leiegård o.l", ""), ("Rekkehus, tomannsboliger o.l", ""), ("Enebolig", "")]

    static let kinds: [String: DatasetKind] = [
        "alle_status": DatasetKind("Boliger etter bygningstype", allSeries, columns: ["blokk", "rekkehus", "enebolig"]),
        "alle_historisk": DatasetKind("Boliger etter bygningstype", allSeries + [("Totalt", "")], columns: ["blokk", "rekkehus", "enebolig", "total"], template: .perSeries),
        "blokk_status": DatasetKind("Blokker og leiegårder", columns: ["blokk"], scale: "blokk"),
        "blokk_historisk": DatasetKind("Blokker og leiegårder", columns: ["blokk"]),
        "enebolig_status": DatasetKind("Eneboliger", columns: ["enebolig"], scale: "enebolig"),
        "enebolig_historisk": DatasetKind("Eneboliger", columns: ["enebolig"]),
        "rekkehus_status": DatasetKind("Rekkehus/tomannsboliger", columns: ["rekkehus"], scale: "rekkehus"),
        "rekkehus_historisk": DatasetKind("Rekkehus/tomannsboliger", columns: ["rekkehus"]),
        // The original scales by a column "totalt" that does not exist, so its scale is all zeros.
        "totalt_status": DatasetKind("Antall boliger", columns: ["total"], scale: "totalt"),
        "totalt_historisk": DatasetKind("Antall boliger", columns: ["total"]),
    ]

    static let function = BydelsfaktaFunction(
        name: "bygningstyper", inputs: ["boligmengde-etter-boligtype"], keyColumns: [],
        numbers: [
            "boligmengde-etter-boligtype": .named(["blokk_leiegaard_el", "forretningsgaard_bygg_for_felleshusholdning_el", "frittliggende_enebolig_eller_vaaningshus", "horisontaldelt_tomannsbolig_eller_annet_boligbygg_med_mindre_enn_3_etasjer", "hus_i_kjede_rekkehus_terrasse_hus_vertikaldelt_tomannsbolig"]),
        ],
        types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        let kind = try DatasetKind.named(type, in: kinds)
        let input = (tables["boligmengde-etter-boligtype"] ?? []).map { row in
            var row = row
            row["enebolig"] = row["frittliggende_enebolig_eller_vaaningshus"]
            row["rekkehus"] = row["horisontaldelt_tomannsbolig_eller_annet_boligbygg_med_mindre_enn_3_etasjer"]
                + row["hus_i_kjede_rekkehus_terrasse_hus_vertikaldelt_tomannsbolig"]
            row["blokk"] = row["blokk_leiegaard_el"] + row["forretningsgaard_bygg_for_felleshusholdning_el"]
            row["total"] = row["rekkehus"] + row["blokk"] + row["enebolig"]
            return row
        }
        let rows = try Aggregation(rules: ["total": .sum, "rekkehus": .sum, "enebolig": .sum, "blokk": .sum]).aggregate(input)
            .withRatios(["rekkehus", "blokk", "enebolig", "total"]) { $0["total"] }
        return try kind.files(rows, type: type, publishedDate: publishedDate)
    }
}
