import ReportKit

/// `fattige_barnehusholdninger`: low-income households with children under 18 (EU scale),
/// as given per place, with the given percentage as the ratio; rows without both are left out.
enum FattigeBarnehusholdninger {
    static let column = "husholdninger_med_barn_under_18_aar_eu_skala"

    static let function = BydelsfaktaFunction(
        name: "fattige_barnehusholdninger", inputs: ["fattige-husholdninger"], keyColumns: [],
        numbers: [
            "fattige-husholdninger": .named(["husholdninger_med_barn_under_18_aar_eu_skala_andel", "husholdninger_med_barn_under_18_aar_eu_skala_antall"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let rows: [StatisticsRow] = (tables["fattige-husholdninger"] ?? []).compactMap { row in
            guard !row["\(column)_antall"].isNaN, !row["\(column)_andel"].isNaN else { return nil }
            var row = row
            row[column] = row["\(column)_antall"]
            return row
        }.withRatio(column, from: "\(column)_andel")
        return try PreAggregated.files(
            rows, column: column, heading: "Lavinntekts husholdninger med barn", series: [], type: type, publishedDate: publishedDate)
    }
}
