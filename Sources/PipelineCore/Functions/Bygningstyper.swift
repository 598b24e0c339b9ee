import ReportKit

/// `bygningstyper`: dwellings by building type (blocks, terraced and semi-detached houses,
/// detached houses) as counts and shares of all; one type, all, or the total, latest year or
/// over the years.
enum Bygningstyper {
    static let allSeries: [(String, JSONValue)] = [("Blokk, leiegård o.l", ""), ("Rekkehus, tomannsboliger o.l", ""), ("Enebolig", "")]

    /// Per dataset type: heading, series, the columns shown, the template, the scale column.
    static let kinds: [String: (heading: String, series: [(String, JSONValue)], columns: [String], template: ValueTemplate, scale: String?)] = [
        "alle_status": ("Boliger etter bygningstype", allSeries, ["blokk", "rekkehus", "enebolig"], .flat, nil),
        "alle_historisk": ("Boliger etter bygningstype", allSeries + [("Totalt", "")], ["blokk", "rekkehus", "enebolig", "total"], .perSeries, nil),
        "blokk_status": ("Blokker og leiegårder", [], ["blokk"], .flat, "blokk"),
        "blokk_historisk": ("Blokker og leiegårder", [], ["blokk"], .flat, nil),
        "enebolig_status": ("Eneboliger", [], ["enebolig"], .flat, "enebolig"),
        "enebolig_historisk": ("Eneboliger", [], ["enebolig"], .flat, nil),
        "rekkehus_status": ("Rekkehus/tomannsboliger", [], ["rekkehus"], .flat, "rekkehus"),
        "rekkehus_historisk": ("Rekkehus/tomannsboliger", [], ["rekkehus"], .flat, nil),
        // The original scales by a column "totalt" that does not exist, so its scale is all zeros.
        "totalt_status": ("Antall boliger", [], ["total"], .flat, "totalt"),
        "totalt_historisk": ("Antall boliger", [], ["total"], .flat, nil),
    ]

    static let function = BydelsfaktaFunction(
        name: "bygningstyper", inputs: ["boligmengde-etter-boligtype"], keyColumns: [], types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        guard let kind = kinds[type] else { throw PipelineError.badInput("unknown type \(type)") }
        let input = (tables["boligmengde-etter-boligtype"] ?? []).map { row in
            var row = row
            row["enebolig"] = row["frittliggende_enebolig_eller_vaaningshus"]
            row["rekkehus"] = row["horisontaldelt_tomannsbolig_eller_annet_boligbygg_med_mindre_enn_3_etasjer"]
                + row["hus_i_kjede_rekkehus_terrasse_hus_vertikaldelt_tomannsbolig"]
            row["blokk"] = row["blokk_leiegaard_el"] + row["forretningsgaard_bygg_for_felleshusholdning_el"]
            row["total"] = row["rekkehus"] + row["blokk"] + row["enebolig"]
            return row
        }
        var rows = try Aggregation(rules: ["total": .sum, "rekkehus": .sum, "enebolig": .sum, "blokk": .sum]).aggregate(input)
        for index in rows.indices {
            for column in ["rekkehus", "blokk", "enebolig", "total"] { rows[index]["\(column)_ratio"] = rows[index][column] / rows[index]["total"] }
        }
        var metadata = GraphMetadata(heading: kind.heading, series: kind.series)
        if let column = kind.scale { metadata.scale = GraphMetadata.scale(rows, column: column) }
        let selected = type.hasSuffix("_status") ? try Years.status([rows])[0] : Years.historic([rows])[0]
        return try DistrictFiles(series: kind.columns, template: kind.template, metadata: metadata).generate(selected, publishedDate: publishedDate)
    }
}
