import ReportKit

/// `levekar_lav_utdanning`: people aged 30-59 with at most primary school, as a count and a
/// share of everyone with a known or unknown education (templates A and B).
enum LevekarLavUtdanning {
    static let categories = ["ingen_utdanning_uoppgitt", "grunnskole", "videregaende", "universitet_hogskole_kort", "universitet_hogskole_lang"]

    static let function = BydelsfaktaFunction(
        name: "levekar_lav_utdanning", inputs: ["lav-utdanning"], keyColumns: [],
        numbers: [
            "lav-utdanning": .named(["grunnskole", "ingen_utdanning_uoppgitt", "universitet_hogskole_kort", "universitet_hogskole_lang", "videregaende"]),
        ],
        types: ["historisk", "status"]
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

    /// The education categories summed up the levels, then each geography's low-education
    /// count (no schooling or unknown, and primary school), everyone counted, and the share.
    /// Summing the categories first and adding them per geography gives the original's sums
    /// of per-row sums, over far fewer rows.
    static func shares(_ input: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        var rows = try Aggregation().aggregate(input)
        let columns = ColumnLookup(categories, in: rows.first?.indexedColumns.index ?? .empty)
        for index in rows.indices {
            var (total, low) = (0.0, 0.0)
            for slot in categories.indices where !rows[index][columns, slot].isNaN {
                total += rows[index][columns, slot]
                if slot < 2 { low += rows[index][columns, slot] }
            }
            rows[index]["total"] = total
            rows[index]["lav_utdanning"] = low
        }
        return rows.withRatios(["lav_utdanning"]) { $0["total"] }
    }
}
