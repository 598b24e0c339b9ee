import ReportKit

/// `levekaar_dodsrate`: the death rate of people aged 55-79 (average of the last seven
/// years), as given per place; the ratio is the rate in percent over 100.
enum LevekaarDodsrate {
    static let heading = "Dødelighet (gj.snitt siste 7 år) for personer 55–79 år"

    static let function = BydelsfaktaFunction(
        name: "levekaar_dodsrate", inputs: ["dodsrater"], keyColumns: [],
        numbers: [
            "dodsrater": .named(["dodsrate"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let rows = (tables["dodsrater"] ?? []).withRatio("dodsrate", from: "dodsrate")
        return try PreAggregated.files(rows, column: "dodsrate", heading: heading, series: [], type: type, publishedDate: publishedDate)
    }
}
