import ReportKit

/// `levekar_lav_utdanning`: people aged 30-59 with at most primary school, as a count and a
/// share of everyone with a known or unknown education (templates A and B).
enum LevekarLavUtdanning {
    static let categories = ["ingen_utdanning_uoppgitt", "grunnskole", "videregaende", "universitet_hogskole_kort", "universitet_hogskole_lang"]

    static let function = BydelsfaktaFunction(
        name: "levekar_lav_utdanning", inputs: ["lav-utdanning"], keyColumns: [], types: ["historisk", "status"]
    ) { inputs, type, publishedDate throws(PipelineError) in
        let aggregated = try shares(inputs["lav-utdanning"] ?? [])
        var metadata = GraphMetadata(heading: "Personer mellom 30-59 år med lav utdanning", series: [("Kun grunnskole eller ingen utdanning oppgitt", "")])
        let selected: [StatisticsRow]
        if type == "status" {
            metadata.scale = GraphMetadata.scale(aggregated, column: "lav_utdanning")
            selected = try Years.status([aggregated])[0]
        } else {
            selected = Years.historic([aggregated])[0]
        }
        return try DistrictFiles(series: ["lav_utdanning"], template: .flat, metadata: metadata).generate(selected, publishedDate: publishedDate)
    }

    /// The low-education count and everyone counted, summed up the levels, with the share.
    static func shares(_ input: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        var rows = input
        for index in rows.indices {
            let row = rows[index]
            rows[index]["total"] = categories.reduce(0) { $0 + (row[$1].isNaN ? 0 : row[$1]) }
            rows[index]["lav_utdanning"] = ["ingen_utdanning_uoppgitt", "grunnskole"].reduce(0) { $0 + (row[$1].isNaN ? 0 : row[$1]) }
        }
        return try Aggregation(rules: ["lav_utdanning": .sum, "total": .sum]).aggregate(rows).withRatios(["lav_utdanning"]) { $0["total"] }
    }
}
