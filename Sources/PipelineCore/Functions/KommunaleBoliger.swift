import ReportKit

/// `kommunale_boliger`: municipal dwellings as a count and a share of all dwellings.
enum KommunaleBoliger {
    static let housingColumns = [
        "blokk_leiegaard_el", "forretningsgaard_bygg_for_felleshusholdning_el", "frittliggende_enebolig_eller_vaaningshus",
        "horisontaldelt_tomannsbolig_eller_annet_boligbygg_med_mindre_enn_3_etasjer", "hus_i_kjede_rekkehus_terrasse_hus_vertikaldelt_tomannsbolig",
    ]

    static let function = BydelsfaktaFunction(
        name: "kommunale_boliger", inputs: ["kommunale-boliger", "boligmengde-etter-boligtype"], keyColumns: [],
        numbers: [
            "boligmengde-etter-boligtype": .named(["blokk_leiegaard_el", "forretningsgaard_bygg_for_felleshusholdning_el", "frittliggende_enebolig_eller_vaaningshus", "horisontaldelt_tomannsbolig_eller_annet_boligbygg_med_mindre_enn_3_etasjer", "hus_i_kjede_rekkehus_terrasse_hus_vertikaldelt_tomannsbolig"]),
            "kommunale-boliger": .named(["antall_boliger"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let status = type == "status"
        let sources = [tables["kommunale-boliger"] ?? [], tables["boligmengde-etter-boligtype"] ?? []]
        let selected = status ? try Years.status(sources) : Years.historic(sources)
        var dwellings: [YearAndPlace: Double] = [:]
        for row in selected[1] { dwellings[row.yearAndPlace(withNames: true)] = housingColumns.map { row[$0] }.reduce(0, +) }
        let joined: [StatisticsRow] = selected[0].compactMap { row in
            guard let total = dwellings[row.yearAndPlace(withNames: true)] else { return nil }
            var row = row
            row["total"] = total
            return row
        }
        let rows = try Aggregation(rules: ["antall_boliger": .sum, "total": .sum]).aggregate(joined)
            .withRatios(["antall_boliger"]) { $0["total"] }
        var metadata = GraphMetadata(heading: "Kommunale boliger av boligmassen i alt", series: [])
        metadata.scale = GraphMetadata.scale(rows, column: "antall_boliger")
        return try DistrictFiles(series: ["antall_boliger"], template: .flat, metadata: metadata).generate(rows, publishedDate: publishedDate)
    }
}
