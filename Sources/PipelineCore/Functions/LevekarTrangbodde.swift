import ReportKit

/// `levekar_trangbodde`: people living in crowded homes, as given per place, with the given
/// percentage as the ratio.
enum LevekarTrangbodde {
    static let column = "antall_som_bor_trangt"

    static let function = BydelsfaktaFunction(
        name: "levekar_trangbodde", inputs: ["trangbodde"], keyColumns: [],
        numbers: [
            "trangbodde": .named(["andel_som_bor_trangt", "antall_som_bor_trangt"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let rows = (tables["trangbodde"] ?? []).withRatio(column, from: "andel_som_bor_trangt")
        return try PreAggregated.files(
            rows, column: column, heading: "Levekår Trangbodde", series: [["heading": "Trangbodde", "subheading": ""]],
            type: type, publishedDate: publishedDate)
    }
}
