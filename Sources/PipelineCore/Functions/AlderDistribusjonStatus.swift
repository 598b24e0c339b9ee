import ReportKit

/// `alder_distribusjon_status`: the latest year's population by age (0-120) and sex, with
/// each age's share of the geography's population (template E).
enum AlderDistribusjonStatus {
    static let ages = (0...120).map(String.init)

    static let function = BydelsfaktaFunction(
        name: "alder_distribusjon_status", inputs: ["befolkning-etter-kjonn-og-alder"], keyColumns: ["kjonn"],
        numbers: [
            "befolkning-etter-kjonn-og-alder": .ages,
        ],
        types: ["status"]
    ) { inputs, _, publishedDate throws(PipelineError) in
        var rows = try Years.status([inputs["befolkning-etter-kjonn-og-alder"] ?? []])[0]
        for index in rows.indices {
            rows[index]["total"] = rows[index].sumOfNumberedColumns(in: 0...120)
        }
        let aggregated = try Aggregation(extraKeys: ["kjonn"]).aggregate(rows)
        let metadata = GraphMetadata(heading: "Aldersdistribusjon fordelt på kjønn", series: [("Aldersdistribusjon fordelt på kjønn", "")])
        return try DistrictFiles(series: ages, template: .ageDistribution, metadata: metadata).generate(aggregated, publishedDate: publishedDate)
    }
}
